import { CommanderError } from 'commander';
// The file, not the history's index: the index would load the reader threads' pool into every command.
import { HistoryError } from '../backend/history/history-error';
import { errorMessage } from '../../shared/errors/error-message';

/** Exit codes of the CLI. `done` also when some tasks failed: that is a result, not an error. */
export const EXIT_CODES = { done: 0, failure: 1, usage: 2, interrupted: 130 } as const;

/** A failure to report as a message (never a stack trace), with the exit code to end with. */
export class CliError extends Error {
  override readonly name: string = 'CliError';

  constructor(
    message: string,
    readonly exitCode: number = EXIT_CODES.failure,
  ) {
    super(message);
  }
}

/** Bad usage or bad input (exit code 2); one line per problem. */
export class UsageError extends CliError {
  override readonly name = 'UsageError';

  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'), EXIT_CODES.usage);
  }

  static of(line: string): UsageError {
    return new UsageError([line]);
  }
}

/** Errors that mean the input was wrong rather than that something broke: they exit with 2. */
const INPUT_ERROR_CODES: ReadonlySet<string> = new Set(['invalid', 'not-found', 'not-ours']);

/** The message and exit code an error ends the CLI with. Commander has already printed its own errors. */
export function describeFailure(error: unknown): { message: string | null; exitCode: number } {
  if (error instanceof CommanderError) {
    return { message: null, exitCode: error.exitCode === 0 ? EXIT_CODES.done : EXIT_CODES.usage };
  }
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof HistoryError) {
    return { message: error.message, exitCode: INPUT_ERROR_CODES.has(error.code) ? EXIT_CODES.usage : EXIT_CODES.failure };
  }
  return { message: errorMessage(error), exitCode: EXIT_CODES.failure };
}
