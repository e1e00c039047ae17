/**
 * A moment on the one clock every thread of the process shares: `performance.timeOrigin + performance.now()`.
 * Each thread has its own `timeOrigin`, but the sum is the same monotonic clock in all of them (sub-ms), so a
 * worker thread can stamp when its work ended and the engine can place it on the run's clock.
 */
export function preciseEpochMs(): number {
  return performance.timeOrigin + performance.now();
}

/** The run's clock: ms since the run started, sub-millisecond. */
export interface RunClock {
  now(): number;
  /** A `preciseEpochMs()` stamp, taken on any thread, as ms from run start. */
  fromEpochMs(epochMs: number): number;
  readonly startedAtEpochMs: number;
}

/** Starts the clock now. */
export function startClock(): RunClock {
  const originEpochMs = preciseEpochMs();
  const originNow = performance.now();
  return { now: () => performance.now() - originNow, fromEpochMs: (epochMs) => epochMs - originEpochMs, startedAtEpochMs: Date.now() };
}
