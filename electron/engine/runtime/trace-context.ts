import { TRACK_CODE, type RuntimeSlices } from '../../../shared/runtime/runtime-slices';
import { clockFrom, RuntimeTracer } from './runtime-tracer';
import { SliceBuffer } from './slice-buffer';

/**
 * The runtime trace of this thread, if one is recording. Module state on purpose: the places that mark
 * where a task starts and where it blocks its thread (run-task, the synchronous kinds, the worker entry)
 * call the two functions below and need not be handed a tracer through every layer.
 */
let active: { tracer: RuntimeTracer; buffer: SliceBuffer; originEpochMs: number } | null = null;

/** How the engine's trace is set up; `originEpochMs` is the run's clock origin on the shared high-resolution time. */
export interface TraceSetup {
  track: number;
  lane: number;
  threadpoolSize: number;
  sliceLimit: number;
  originEpochMs: number;
}

/** Starts recording this thread's loop (and, with `threadpoolSize` > 0, the libuv pool) until `stopTrace`. */
export function startTrace(setup: TraceSetup): void {
  stopTrace();
  const buffer = new SliceBuffer(setup.sliceLimit);
  const tracer = new RuntimeTracer(buffer, { ...setup, now: clockFrom(setup.originEpochMs) });
  active = { tracer, buffer, originEpochMs: setup.originEpochMs };
  tracer.start();
}

/** Stops recording; the slices not yet taken can still be taken. */
export function stopTrace(): void {
  active?.tracer.stop();
}

/** The slices recorded since the previous call, or null (nothing new, or no trace). */
export function takeSlices(): RuntimeSlices | null {
  return active?.buffer.take() ?? null;
}

/** The clock origin worker threads record against, or null when this thread records no trace. */
export function traceOrigin(): number | null {
  return active?.originEpochMs ?? null;
}

/** Runs `work`, which starts task `index`, so that what it sets going is attributed to that task. */
export function withTask<T>(index: number, work: () => T): T {
  return active === null ? work() : active.tracer.withTask(index, work);
}

/** Runs `work`, which blocks the thread on purpose (CPU, a synchronous read, SQLite), as one `sync` slice. */
export function blockingWork<T>(work: () => T): T {
  return active === null ? work() : active.tracer.sync(work);
}

/** Adds the slices a worker thread recorded (its `lane`) to this thread's trace. */
export function addWorkerSlices(lane: number, slices: RuntimeSlices | null | undefined): void {
  if (active === null || slices == null) return;
  const { buffer } = active;
  const codes = slices.types.map((type) => buffer.codeOf(type));
  for (let i = 0; i < slices.track.length; i++) {
    buffer.add(TRACK_CODE.worker, lane, slices.submitMs[i]!, slices.startMs[i]!, slices.endMs[i]!, codes[slices.type[i]!]!, slices.task[i]!);
  }
}

/** Ends this thread's trace for good (worker threads between runs, tests). */
export function clearTrace(): void {
  stopTrace();
  active = null;
}
