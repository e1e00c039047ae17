import type { RunMetrics } from '../../../shared/metrics/metrics-schema';
import type { StartedEvent } from '../../../shared/protocol/engine-protocol';
import type { Sample, TaskRecord } from '../../../shared/protocol/task-record';
import type { RuntimeSlices } from '../../../shared/runtime/runtime-slices';

/** How a run ended. */
export interface RunOutcome {
  key: string;
  runId: number | null;
  status: 'completed' | 'cancelled' | 'failed';
  metrics: RunMetrics | null;
  /** Why the run failed; null unless `status` is `failed`. */
  error: string | null;
}

/** The part of the history store a run writes to while it runs. */
export interface RunHistoryWriter {
  recordStarted(id: number, started: { startedAtEpochMs: number; totalTasks: number; lanes: number }): void;
  appendBatch(id: number, batch: { finished: TaskRecord[]; samples: Sample[]; runtime?: RuntimeSlices }): void;
  finishRun(id: number, end: { status: RunOutcome['status']; metrics: RunMetrics | null; error?: string }): void;
}

/** Where one run's progress is written: the history, or nowhere for a run that is not saved. */
export interface ProgressSink {
  started(event: StartedEvent): void;
  /** `runtime`: the batch's runtime slices, stored in the same transaction. */
  batch(finished: TaskRecord[], samples: Sample[], runtime?: RuntimeSlices): void;
  finish(outcome: RunOutcome): void;
}

/** Writes a saved run's progress to the history under `runId`. */
export function historySink(history: RunHistoryWriter, runId: number): ProgressSink {
  return {
    started: ({ startedAtEpochMs, totalTasks, lanes }) => history.recordStarted(runId, { startedAtEpochMs, totalTasks, lanes }),
    batch: (finished, samples, runtime) => history.appendBatch(runId, runtime === undefined ? { finished, samples } : { finished, samples, runtime }),
    finish: ({ status, metrics, error }) =>
      history.finishRun(runId, error === null ? { status, metrics } : { status, metrics, error }),
  };
}

/** Where the progress of a run that is not saved goes: nowhere. */
export const DISCARD_PROGRESS: ProgressSink = { started: () => {}, batch: () => {}, finish: () => {} };
