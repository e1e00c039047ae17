import type { Sample, TaskRecord, TaskStart } from '../../../../shared/protocol/task-record';

/** One engine event as the live view receives it, at run time `timeMs`. */
export type LiveEvent = { readonly timeMs: number } & (
  | { readonly started: TaskStart }
  | { readonly finished: TaskRecord }
  | { readonly sample: Sample }
);

/** A recorded run replayed as the engine streams it: every start, every finish and every sample, in time order. */
export function liveEvents(tasks: readonly TaskRecord[], samples: readonly Sample[]): LiveEvent[] {
  const events: LiveEvent[] = samples.map((sample) => ({ timeMs: sample.tMs, sample }));
  for (const task of tasks) {
    const { endMs: _end, status: _status, error: _error, attempts: _attempts, ...started } = task;
    events.push({ timeMs: task.startMs, started }, { timeMs: task.endMs, finished: task });
  }
  return events.sort((a, b) => a.timeMs - b.timeMs);
}

/** What a live view is fed through (the timeline's `TimelineData`). */
export interface LiveSink {
  appendStarted(tasks: TaskStart[]): void;
  appendFinished(tasks: TaskRecord[]): void;
  appendSamples(samples: Sample[]): void;
  setElapsed(elapsedMs: number): void;
}

/** Applies `events[from..to)` the way a batch arrives: starts, finishes, samples, then the clock. */
export function applyEvents(sink: LiveSink, events: readonly LiveEvent[], from: number, to: number): void {
  const started: TaskStart[] = [];
  const finished: TaskRecord[] = [];
  const samples: Sample[] = [];
  for (let i = from; i < to; i++) {
    const event = events[i]!;
    if ('started' in event) started.push(event.started);
    else if ('finished' in event) finished.push(event.finished);
    else samples.push(event.sample);
  }
  sink.appendStarted(started);
  sink.appendFinished(finished);
  if (samples.length > 0) sink.appendSamples(samples);
  if (to > from) sink.setElapsed(events[to - 1]!.timeMs);
}
