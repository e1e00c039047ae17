import type { Command } from 'commander';
import type { RuntimeList } from '../../../shared/api/runtime-methods';
import { detectRuntimes } from '../../backend/runtimes/runtime-registry';
import type { CliIo } from '../cli-io';
import { renderTable } from '../format/plain-text';

function renderRuntimes({ runtimes }: RuntimeList): string {
  const rows = runtimes.map((r) => [r.name, r.available ? 'yes' : 'no', r.version ?? '-', r.path ?? '-', r.reason ?? '']);
  return `${renderTable(['runtime', 'available', 'version', 'path', 'reason'], rows)}\n`;
}

/** `runtimes`: which runtimes can run scenarios here, with the toolchain each uses or what to install. */
export function registerRuntimes(program: Command, io: CliIo): void {
  program
    .command('runtimes')
    .description('list the runtimes a scenario can run on here (node, python, go, java) and their toolchains')
    .option('--json', 'print { runtimes: [{ name, available, version, path, reason }] } as JSON')
    .action(async (flags: { json?: boolean }) => {
      const list: RuntimeList = { runtimes: await detectRuntimes() };
      io.out(flags.json === true ? `${JSON.stringify(list, null, 2)}\n` : renderRuntimes(list));
    });
}
