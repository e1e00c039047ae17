/** The run's clock: ms since the run started, sub-millisecond (`performance.now()`). */
export interface RunClock {
  now(): number;
  readonly startedAtEpochMs: number;
}

/** Starts the clock now. */
export function startClock(): RunClock {
  const origin = performance.now();
  return { now: () => performance.now() - origin, startedAtEpochMs: Date.now() };
}
