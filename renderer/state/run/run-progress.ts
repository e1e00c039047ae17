/** What the progress bar shows. */
export interface ProgressFigures {
  /** Tasks that ran to their end (any outcome but cancelled). */
  done: number;
  total: number;
  /** Tasks a cancel stopped before or while they ran; 0 unless the run was cancelled. */
  cancelled: number;
  /** 0..1, of `done` alone: a cancelled run's bar stops where its work stopped. */
  fraction: number;
  /** By the page's clock, from the run's start event to its end event (engine start-up and shutdown included). */
  elapsedMs: number;
  /** The run summary's wall time once the run is over (first task queued until the strategy settled), else null. */
  wallMs: number | null;
  /** Time left at the pace so far; null until a task has finished, once all have, and after a cancel. */
  etaMs: number | null;
}

/** Progress at `elapsedMs`, with the time left estimated from the pace so far. */
export function progressFigures(done: number, total: number, elapsedMs: number, cancelled = 0, wallMs: number | null = null): ProgressFigures {
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  const etaMs = cancelled === 0 && done > 0 && done < total ? (elapsedMs * (total - done)) / done : null;
  return { done, total, cancelled, fraction, elapsedMs, wallMs, etaMs };
}
