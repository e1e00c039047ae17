import { closeSync, openSync, writeSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { EXPORT_FORMATS, writeRunExport, type ExportFormat } from '../../backend/transfer';
import type { CliIo } from '../cli-io';
import { CliError, UsageError } from '../cli-error';
import { addDbOption, parseRunId, withHistory } from '../options';
import { errorMessage } from '../../../shared/errors/error-message';

interface ExportFlags {
  format: ExportFormat;
  output?: string;
  db?: string;
}

/** `export <id> --format json|csv|trace [-o FILE]`: a recorded run as a file, or on stdout. */
export function registerExport(program: Command, io: CliIo): void {
  const command = program
    .command('export')
    .description('export a recorded run: json (lossless, for import), csv (one row per task) or trace (chrome://tracing, Perfetto)')
    .argument('<id>', 'run id', parseRunId)
    .addOption(new Option('--format <format>', 'export format').choices(EXPORT_FORMATS).default('json'))
    .option('-o, --output <file>', 'write to this file instead of stdout');
  addDbOption(command).action(async (id: number, flags: ExportFlags) => {
    // Written as the tasks are read, a piece at a time: a run of millions of tasks never sits in memory.
    await withHistory(flags.db, io, (store) => {
      if (store.getRunSummary(id) === null) throw UsageError.of(`There is no run with id ${id} in ${store.path}.`);
      const output = flags.output;
      const exportTo = (write: (chunk: string) => void) => store.streamRun(id, (run) => writeRunExport(run, flags.format, write));
      if (output === undefined) exportTo(io.out);
      else writeToFile(output, exportTo);
    });
    if (flags.output !== undefined) io.err(`Wrote run ${id} as ${flags.format} to ${flags.output}\n`);
  });
}

/** Runs `fill` with a writer into `file`; a failure to open or write it is a `CliError` naming the file. */
function writeToFile(file: string, fill: (write: (chunk: string) => void) => void): void {
  let fd: number;
  try {
    fd = openSync(file, 'w');
  } catch (error) {
    throw new CliError(`Could not write ${file}: ${errorMessage(error)}`);
  }
  try {
    fill((chunk) => {
      try {
        writeSync(fd, chunk);
      } catch (error) {
        throw new CliError(`Could not write ${file}: ${errorMessage(error)}`);
      }
    });
  } finally {
    closeSync(fd);
  }
}
