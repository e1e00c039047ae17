import type { Command } from 'commander';
import { type CliIo, confirm } from '../cli-io';
import { CliError, UsageError } from '../cli-error';
import { addDbOption, parseRunId, withHistory } from '../options';

interface DeleteFlags {
  yes?: boolean;
  db?: string;
}

/** `delete <id>...`: moves runs to the trash, after asking on a terminal; `--yes` is required elsewhere. */
export function registerDelete(program: Command, io: CliIo): void {
  const command = program
    .command('delete')
    .description('delete recorded runs (asks first on a terminal)')
    .argument('<ids...>', 'run ids')
    .option('-y, --yes', 'do not ask (required when not on a terminal)');
  addDbOption(command).action(async (idTexts: string[], flags: DeleteFlags) => {
    const ids = [...new Set(idTexts.map(parseRunId))];
    if (flags.yes !== true && !io.stdinIsTTY) {
      throw UsageError.of('refusing to delete without --yes when not on a terminal');
    }
    const deleted = await withHistory(flags.db, io, async (store) => {
      store.assertWritable();
      const missing = ids.filter((id) => store.getRunSummary(id) === null);
      if (missing.length > 0) throw UsageError.of(`There is no run with id ${missing.join(', ')} in ${store.path}; nothing was deleted.`);
      const list = ids.join(', ');
      if (flags.yes !== true && !(await confirm(io, `Delete ${ids.length === 1 ? 'run' : 'runs'} ${list}?`))) {
        throw new CliError('Nothing was deleted.');
      }
      return store.deleteRuns(ids);
    });
    io.out(`Deleted ${deleted} ${deleted === 1 ? 'run' : 'runs'}.\n`);
  });
}
