import { namedCommand } from './commands';
import { closeEarlyEngine } from './run/early-engine';

/**
 * Runs the CLI on `argv` (as `process.argv`) and returns the exit code; prints failures as one message each.
 * The built bundle `out/main/cli.js` exports it for `bin/concurrency-explorer.js` and `npm start`. What the
 * named command starts at once (a `run`'s engine process) starts before the rest of the CLI is loaded: the
 * static imports here are only what decides that.
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  namedCommand(argv)?.prepare?.();
  const [{ createProgram }, { processIo }, { describeFailure, EXIT_CODES }] = await Promise.all([import('./program'), import('./cli-io'), import('./cli-error')]);
  const io = processIo();
  try {
    const program = await createProgram(io, argv);
    await program.parseAsync([...argv]);
    return EXIT_CODES.done;
  } catch (error) {
    const { message, exitCode } = describeFailure(error);
    if (message !== null) io.err(`${message}\n`);
    return exitCode;
  } finally {
    await closeEarlyEngine();
  }
}
