import type { Problem } from '../../../shared/validation/format-issues';
import { problemsToText } from '../../../shared/validation/format-issues';

/**
 * Why the history store refused: `cannot-open` (missing folder rights, not a database, ...),
 * `newer-version` (written by a newer app), `not-found` (no such run, scenario or experiment),
 * `invalid` (bad input: see `problems`), `read-only` (a write to a store opened read-only), `not-ours` (the
 * file is another application's database, left untouched).
 */
export type HistoryErrorCode = 'cannot-open' | 'newer-version' | 'not-found' | 'invalid' | 'read-only' | 'not-ours';

/** A clear, user-facing failure of the history store; nothing was changed. */
export class HistoryError extends Error {
  override readonly name = 'HistoryError';

  constructor(
    readonly code: HistoryErrorCode,
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
  }

  /** An `invalid` error whose message lists every problem under a heading. */
  static invalid(heading: string, problems: readonly Problem[]): HistoryError {
    return new HistoryError('invalid', `${heading}:\n${problemsToText(problems)}`, problems);
  }

  static notFound(what: string, id: number): HistoryError {
    return new HistoryError('not-found', `There is no ${what} with id ${id}.`);
  }
}
