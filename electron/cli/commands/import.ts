import { closeSync, openSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { ImportError, importRunFile, MAX_PROBLEMS_IN_MESSAGE } from '../../backend/transfer';
import { type CliIo, inputFileError } from '../cli-io';
import { UsageError } from '../cli-error';
import { addDbOption, withHistory } from '../options';

interface ImportFlags {
  json?: boolean;
  db?: string;
}

function usageError(error: ImportError, file: string): UsageError {
  const lines = error.problems.slice(0, MAX_PROBLEMS_IN_MESSAGE).map((p) => `${file}: ${p.path}: ${p.message}`);
  const more = error.problems.length - lines.length + error.omitted;
  return new UsageError(more > 0 ? [...lines, `${file}: (and ${more} more problems)`] : lines);
}

/** A file that cannot be read is refused before the history is opened. */
function checkReadable(file: string): void {
  try {
    if (statSync(file).isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    closeSync(openSync(file, 'r'));
  } catch (error) {
    throw inputFileError(file, error);
  }
}

/** `import FILE`: adds a run exported as JSON to the history, as a new run; a file of any size is read in pieces. */
export function registerImport(program: Command, io: CliIo): void {
  const command = program
    .command('import')
    .description('import a run exported with export --format json; it becomes a new run')
    .argument('<file>', 'exported run (JSON)')
    .option('--json', 'print { id } as JSON');
  addDbOption(command).action(async (file: string, flags: ImportFlags) => {
    checkReadable(file);
    const id = await withHistory(flags.db, io, (store) => {
      try {
        return importRunFile(store, file);
      } catch (error) {
        throw error instanceof ImportError ? usageError(error, file) : inputFileError(file, error);
      }
    });
    io.out(flags.json === true ? `${JSON.stringify({ id })}\n` : `Imported ${file} as run ${id}.\n`);
  });
}
