import { createProgram } from './program';
import { processIo } from './cli-io';
import { describeFailure, EXIT_CODES } from './cli-error';
import { closeEarlyEngine } from './run/early-engine';

/**
 * Runs the CLI on `argv` (as `process.argv`) and returns the exit code; prints failures as one message each.
 * The built bundle `out/main/cli.js` exports it for `bin/concurrency-explorer.js` and `npm start`.
 */
export async function runCli(argv: readonly string[]): Promise<number> {
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

