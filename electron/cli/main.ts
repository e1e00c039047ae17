import { createProgram } from './commands';
import { processIo } from './cli-io';
import { describeFailure, EXIT_CODES } from './cli-error';

/** Runs the CLI on `argv` (as `process.argv`) and returns the exit code; prints failures as one message each. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const io = processIo();
  try {
    await createProgram(io).parseAsync([...argv]);
    return EXIT_CODES.done;
  } catch (error) {
    const { message, exitCode } = describeFailure(error);
    if (message !== null) io.err(`${message}\n`);
    return exitCode;
  }
}

process.exitCode = await runCli(process.argv);
