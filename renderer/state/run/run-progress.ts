/** What the progress bar shows. */
export interface ProgressFigures {
  done: number;
  total: number;
  /** 0..1. */
  fraction: number;
  elapsedMs: number;
  /** Time left at the pace so far; null until a task has finished, and once all have. */
  etaMs: number | null;
}

/** Progress at `elapsedMs`, with the time left estimated from the pace so far. */
export function progressFigures(done: number, total: number, elapsedMs: number): ProgressFigures {
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  const etaMs = done > 0 && done < total ? (elapsedMs * (total - done)) / done : null;
  return { done, total, fraction, elapsedMs, etaMs };
}
