import { Command } from 'commander';
import type { CliIo } from './cli-io';
import { CLI_COMMANDS, namedCommand, type CliCommand } from './commands';

/**
 * The commands `argv` (as `process.argv`) needs: the one it names, or all of them for help and for a
 * command line without a known command (whose error message lists or suggests the commands).
 */
function commandsFor(argv: readonly string[]): readonly CliCommand[] {
  const named = namedCommand(argv);
  return named === undefined ? CLI_COMMANDS : [named];
}

/**
 * The `concurrency-explorer` program with the commands of `CLI_COMMANDS` that `argv` needs; it throws
 * instead of exiting.
 */
export async function createProgram(io: CliIo, argv: readonly string[]): Promise<Command> {
  const program = new Command('concurrency-explorer')
    .description('Run concurrency scenarios headless, and read, compare, export and import the recorded runs.')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  const registers = await Promise.all(commandsFor(argv).map((command) => command.load()));
  for (const register of registers) register(program, io);
  return program;
}
