import type { RuntimeTrace } from '../../../shared/runtime/runtime-slices';
import type { TraceEvent } from './trace-event';

const US_PER_MS = 1000;
/** Runtime threads get ids far above any lane's (lane n is thread n + 1), and sort after every lane. */
const LOOP_TID = 1_000_000;
const POOL_TID_BASE = 1_000_001;
const WORKER_TID_BASE = 1_100_000;

function threadEvents(pid: number, tid: number, name: string): TraceEvent[] {
  return [
    { name: 'thread_name', ph: 'M', pid, tid, args: { name } },
    { name: 'thread_sort_index', ph: 'M', pid, tid, args: { sort_index: tid } },
  ];
}

function slice(pid: number, tid: number, s: { startMs: number; endMs: number; type: string; task: number | null }, args: Record<string, unknown> = {}): TraceEvent {
  return { name: s.type, cat: 'runtime', ph: 'X', pid, tid, ts: s.startMs * US_PER_MS, dur: (s.endMs - s.startMs) * US_PER_MS, args: { task: s.task, ...args } };
}

/**
 * The runtime tracks as threads of the run's process, below its lanes: "Event loop" (one `X` slice per
 * callback, named by its async resource type), "libuv pool 1..N" (one per request, as reconstructed from the
 * loop's view, its submit time in `args`) and "Worker 1..N".
 */
export function runtimeTraceEvents(pid: number, runtime: RuntimeTrace): TraceEvent[] {
  const events: TraceEvent[] = [];
  if (runtime.loop.length > 0) events.push(...threadEvents(pid, LOOP_TID, 'Event loop'));
  for (const lane of new Set(runtime.threadpool.map((r) => r.lane))) events.push(...threadEvents(pid, POOL_TID_BASE + lane, `libuv pool ${lane + 1}`));
  for (const thread of new Set(runtime.workers.map((w) => w.thread))) events.push(...threadEvents(pid, WORKER_TID_BASE + thread, `Worker ${thread + 1}`));
  for (const s of runtime.loop) events.push(slice(pid, LOOP_TID, s));
  for (const r of runtime.threadpool) events.push(slice(pid, POOL_TID_BASE + r.lane, r, { submitMs: r.submitMs, waitedMs: r.startMs - r.submitMs }));
  for (const w of runtime.workers) events.push(slice(pid, WORKER_TID_BASE + w.thread, w));
  return events;
}
