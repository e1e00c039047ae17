/**
 * Which engine recorded a run's task times. 2: a task ends when its own work ended, its outcome is its own
 * and `orphaned` a flag beside it. 1: an older engine stamped the end when the strategy heard of it (so a
 * blocked loop pushed ends later) and wrote `orphaned` in place of the outcome; such times cannot be
 * corrected, so a comparison with a newer run says so.
 */
export const RECORD_VERSION = 2;

/** Runs recorded before `RECORD_VERSION` 2 (stored runs migrated, older exports imported). */
export const LEGACY_RECORD_VERSION = 1;

/** What the older engine wrote as the error of a task it never started after a failure. */
export const LEGACY_SKIPPED_REASON = 'never started: the strategy stopped at an earlier failure';

/** The task's own outcome of a legacy `orphaned` record: its error text tells it. */
export function legacyOrphanOutcome(error: string | null): 'ok' | 'timeout' | 'error' {
  if (error === null) return 'ok';
  return /^timed out after \d+ ms$/.test(error) ? 'timeout' : 'error';
}

/** True when the runs were not all recorded by this engine: their task times do not mean the same. */
export function mixesRecordVersions(runs: readonly { recordVersion: number }[]): boolean {
  return runs.some((run) => run.recordVersion !== RECORD_VERSION);
}

/** The sentence a comparison shows when `mixesRecordVersions`. */
export const OLDER_ENGINE_NOTE =
  'Some of these runs were recorded by an older engine, which stamped a task\'s end when the strategy heard of it: their latencies and concurrency can read higher than the work itself took.';
