import { TRACK_CODE, emptyRuntimeTrace, type RuntimeSlices, type RuntimeTrace } from './runtime-slices';

const byStart = (a: { startMs: number }, b: { startMs: number }) => a.startMs - b.startMs;

/** The trace the chunks of a run stand for (in batch order), each track sorted by start. */
export function traceFromSlices(chunks: readonly RuntimeSlices[]): RuntimeTrace {
  const trace = emptyRuntimeTrace();
  for (const chunk of chunks) {
    trace.mergedSlices += chunk.merged;
    for (let i = 0; i < chunk.track.length; i++) {
      const type = chunk.types[chunk.type[i]!]!;
      const taskIndex = chunk.task[i]!;
      const task = taskIndex < 0 ? null : taskIndex;
      const startMs = chunk.startMs[i]!;
      const endMs = chunk.endMs[i]!;
      const lane = chunk.lane[i]!;
      switch (chunk.track[i]) {
        case TRACK_CODE.loop:
          trace.loop.push({ startMs, endMs, type, task });
          break;
        case TRACK_CODE.pool:
          trace.threadpool.push({ submitMs: chunk.submitMs[i]!, startMs, endMs, lane, type, task });
          break;
        default:
          trace.workers.push({ thread: lane, startMs, endMs, type, task });
      }
    }
  }
  trace.loop.sort(byStart);
  trace.threadpool.sort((a, b) => a.submitMs - b.submitMs);
  trace.workers.sort(byStart);
  return trace;
}

/** The columns of a whole trace, one chunk (for an import). */
export function slicesFromTrace(trace: RuntimeTrace): RuntimeSlices {
  const slices: RuntimeSlices = { types: [], track: [], lane: [], submitMs: [], startMs: [], endMs: [], type: [], task: [], merged: trace.mergedSlices };
  const codes = new Map<string, number>();
  const add = (track: number, lane: number, submitMs: number, startMs: number, endMs: number, type: string, task: number | null) => {
    let code = codes.get(type);
    if (code === undefined) {
      code = slices.types.length;
      slices.types.push(type);
      codes.set(type, code);
    }
    slices.track.push(track);
    slices.lane.push(lane);
    slices.submitMs.push(submitMs);
    slices.startMs.push(startMs);
    slices.endMs.push(endMs);
    slices.type.push(code);
    slices.task.push(task ?? -1);
  };
  for (const s of trace.loop) add(TRACK_CODE.loop, 0, s.startMs, s.startMs, s.endMs, s.type, s.task);
  for (const r of trace.threadpool) add(TRACK_CODE.pool, r.lane, r.submitMs, r.startMs, r.endMs, r.type, r.task);
  for (const w of trace.workers) add(TRACK_CODE.worker, w.thread, w.startMs, w.startMs, w.endMs, w.type, w.task);
  return slices;
}
