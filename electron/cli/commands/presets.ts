import type { Command } from 'commander';
import { PRESETS } from '../../../shared/presets';
import type { CliIo } from '../cli-io';
import { renderTable } from '../format/plain-text';

function renderPresets(): string {
  const rows = PRESETS.map((p) => [p.id, p.concept, p.title, p.variants.map((v) => v.id).join(', ')]);
  return `${renderTable(['id', 'concept', 'title', 'variants'], rows)}\nRun one with: run --preset <id> [--strategy ...]\n`;
}

/** `presets`: the built-in scenarios, one per concept. */
export function registerPresets(program: Command, io: CliIo): void {
  program
    .command('presets')
    .description('list the built-in scenarios (run one with run --preset <id>)')
    .option('--json', 'print { presets: [...] } as JSON, scenarios and variants included')
    .action((flags: { json?: boolean }) => {
      io.out(flags.json === true ? `${JSON.stringify({ presets: PRESETS }, null, 2)}\n` : renderPresets());
    });
}
