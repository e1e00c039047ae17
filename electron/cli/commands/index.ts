import type { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { registerRun } from './run';
import { registerList } from './list';
import { registerShow } from './show';
import { registerCompare } from './compare';
import { registerExport } from './export';
import { registerImport } from './import';
import { registerDelete } from './delete';
import { registerPresets } from './presets';
import { registerServe } from './serve';

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
