import type { TaskRecord, TaskStart } from '../../../../shared/protocol/task-record';

/** One engine event as the live view receives it: a task starting or finishing, at run time `timeMs`. */
export type LiveEvent = { readonly timeMs: number } & ({ readonly started: TaskStart } | { readonly finished: TaskRecord });

/** A recorded run replayed as the engine streams it: every start and every finish, in time order. */
export function liveEvents(tasks: readonly TaskRecord[]): LiveEvent[] {
  const events: LiveEvent[] = [];
  for (const task of tasks) {
    const { endMs: _end, status: _status, error: _error, attempts: _attempts, ...started } = task;
    events.push({ timeMs: task.startMs, started }, { timeMs: task.endMs, finished: task });
  }
  return events.sort((a, b) => a.timeMs - b.timeMs);
}

/** Applies `events[from..to)` the way a batch arrives: starts, then finishes, then the clock. */
export function applyEvents(
  sink: { appendStarted(t: TaskStart[]): void; appendFinished(t: TaskRecord[]): void; setElapsed(ms: number): void },
  events: readonly LiveEvent[],
  from: number,
  to: number,
): void {
  const started: TaskStart[] = [];
  const finished: TaskRecord[] = [];
  for (let i = from; i < to; i++) {
    const event = events[i]!;
    if ('started' in event) started.push(event.started);
    else finished.push(event.finished);
  }
  sink.appendStarted(started);
  sink.appendFinished(finished);
  if (to > from) sink.setElapsed(events[to - 1]!.timeMs);
}
