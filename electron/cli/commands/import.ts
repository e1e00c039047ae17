import type { Command } from 'commander';
import type { RunExport } from '../../../shared/run/run-schema';
import { ImportError, MAX_PROBLEMS_IN_MESSAGE, parseRunImport } from '../../backend/transfer';
import { type CliIo, readInputFile } from '../cli-io';
import { UsageError } from '../cli-error';
import { addDbOption, withHistory } from '../options';

interface ImportFlags {
  json?: boolean;
  db?: string;
}

function parseExport(text: string, file: string): RunExport {
  try {
    return parseRunImport(text);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    const lines = error.problems.slice(0, MAX_PROBLEMS_IN_MESSAGE).map((p) => `${file}: ${p.path}: ${p.message}`);
    const more = error.problems.length - lines.length;
    throw new UsageError(more > 0 ? [...lines, `${file}: (and ${more} more problems)`] : lines);
  }
}

/** `import FILE`: adds a run exported as JSON to the history, as a new run. */
export function registerImport(program: Command, io: CliIo): void {
  const command = program
    .command('import')
    .description('import a run exported with export --format json; it becomes a new run')
    .argument('<file>', 'exported run (JSON)')
    .option('--json', 'print { id } as JSON');
  addDbOption(command).action(async (file: string, flags: ImportFlags) => {
    const data = parseExport(await readInputFile(file), file);
    const id = await withHistory(flags.db, io, (store) => store.importRun(data));
    io.out(flags.json === true ? `${JSON.stringify({ id })}\n` : `Imported ${file} as run ${id}.\n`);
  });
}
