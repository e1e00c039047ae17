// Read once: this thread's origin never changes, and its getter costs more than `performance.now()` itself (a run
// reads the clock several times a task).
const TIME_ORIGIN = performance.timeOrigin;

/**
 * A moment on the one clock every thread of the process shares: `performance.timeOrigin + performance.now()`.
 * Each thread has its own `timeOrigin`, but the sum is the same monotonic clock in all of them (sub-ms), so a
 * worker thread can stamp when its work ended and the engine can place it on the run's clock.
 */
export function preciseEpochMs(): number {
  return TIME_ORIGIN + performance.now();
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
  // One origin for both: a stamp taken here and one taken on a worker thread must order as they happened.
  return { now: () => preciseEpochMs() - originEpochMs, fromEpochMs: (epochMs) => epochMs - originEpochMs, startedAtEpochMs: Date.now() };
}
