import { Command } from 'commander';
import type { CliIo } from './cli-io';
import { CLI_COMMANDS } from './commands';

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
