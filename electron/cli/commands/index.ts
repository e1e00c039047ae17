import { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { registerCompare } from './compare';
import { registerDelete } from './delete';
import { registerExport } from './export';
import { registerImport } from './import';
import { registerList } from './list';
import { registerPresets } from './presets';
import { registerRun } from './run';
import { registerServe } from './serve';
import { registerShow } from './show';

/** Adds one command (with its options and action) to the program. */
export type RegisterCommand = (program: Command, io: CliIo) => void;

/** Every command of the CLI, in the order `--help` lists them. A new command is one file and one line here. */
export const CLI_COMMANDS: readonly RegisterCommand[] = [
  registerRun,
  registerList,
  registerShow,
  registerCompare,
  registerExport,
  registerImport,
  registerDelete,
  registerPresets,
  registerServe,
];

/** The `concurrency-explorer` program with every command of `CLI_COMMANDS`; it throws instead of exiting. */
export function createProgram(io: CliIo): Command {
  const program = new Command('concurrency-explorer')
    .description('Run concurrency scenarios headless, and read, compare, export and import the recorded runs.')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  for (const register of CLI_COMMANDS) register(program, io);
  return program;
}
