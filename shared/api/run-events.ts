import type { RuntimeSlices } from '../runtime/runtime-slices';
import type { RunMetrics } from '../metrics/metrics-schema';
import type { Sample, TaskRecord, TaskStart } from '../protocol/task-record';
import { event } from './define-api';

/** Names the run an event is about: `key` from `runs.start`, and its history id (null when not saved). */
export interface RunRef {
  key: string;
  runId: number | null;
}

/** Before the run starts: what its runtime is preparing, in words (a runner's first build takes a while). */
export interface RunPreparingPayload extends RunRef {
  message: string;
}

/** The engine started the clock. */
export interface RunStartedPayload extends RunRef {
  scenarioName: string;
  totalTasks: number;
  /** How many timeline rows the strategy uses. */
  lanes: number;
  startedAtEpochMs: number;
}

/** A summary of where a run is, sent with every batch. */
export interface RunProgressPayload extends RunRef {
  done: number;
  total: number;
  inFlight: number;
  elapsedMs: number;
}

/** One engine batch: the tasks that started and finished, and the samples taken, since the previous one. */
export interface RunEventsPayload extends RunRef {
  started: TaskStart[];
  finished: TaskRecord[];
  samples: Sample[];
  /** In a runtime trace: the loop, pool and worker slices of the same batch. */
  runtime?: RuntimeSlices;
}

/** The run is over; `error` is set when it failed. */
export interface RunFinishedPayload extends RunRef {
  status: 'completed' | 'cancelled' | 'failed';
  metrics: RunMetrics | null;
  error: string | null;
}

/**
 * Events about runs, pushed to every client. Any `runPreparing` come before `runStarted`; a batch gives
 * `runEvents` then `runProgress`.
 */
export const runEvents = {
  runPreparing: event<RunPreparingPayload>(),
  runStarted: event<RunStartedPayload>(),
  runProgress: event<RunProgressPayload>(),
  runEvents: event<RunEventsPayload>(),
  runFinished: event<RunFinishedPayload>(),
};
