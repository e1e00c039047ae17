import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { EXPORT_FORMATS, exportRunFile, type ExportFormat } from '../../backend/transfer';
import type { CliIo } from '../cli-io';
import { CliError } from '../cli-error';
import { addDbOption, parseRunId, requireRun, withHistory } from '../options';
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
    const text = await withHistory(flags.db, io, (store) => exportRunFile(requireRun(store, id), flags.format).content);
    if (flags.output === undefined) {
      io.out(text);
      return;
    }
    try {
      await writeFile(flags.output, text);
    } catch (error) {
      throw new CliError(`Could not write ${flags.output}: ${errorMessage(error)}`);
    }
    io.err(`Wrote run ${id} as ${flags.format} to ${flags.output}\n`);
  });
}
