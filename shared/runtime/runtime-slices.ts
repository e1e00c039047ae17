import { z } from 'zod';

/**
 * What a run in `trace: "runtime"` mode records beside its task records: the callbacks the event loop ran,
 * the requests handed to the libuv thread pool, and each worker thread's own loop. The engine batches them
 * as parallel columns (`RuntimeSlices`); users see them as arrays of objects (`RuntimeTrace`).
 */

/** The track a slice is drawn on, as a column code. */
export const TRACK_CODE = { loop: 0, pool: 1, worker: 2 } as const;

/** The loop slice type of work a task ran synchronously (a `cpu` task on the loop, `readFileSync`, SQLite). */
export const SYNC_SLICE_TYPE = 'sync';
/** The type of a slice that stands for several short slices merged beyond the volume limit. */
export const MERGED_SLICE_TYPE = 'merged';
/** Default number of slices a run records before short ones are merged. */
export const DEFAULT_TRACE_SLICE_LIMIT = 2_000_000;
/** Beyond the limit, slices shorter than this are merged... */
export const MERGE_BELOW_MS = 0.05;
/** ...with their neighbours of the same track and lane within the same bucket of this length. */
export const MERGE_BUCKET_MS = 1;

const ms = z.number().min(0).finite();
const count = z.number().int().min(0);

/**
 * Slices as parallel columns: entry `i` of each column is the `i`-th slice. A batch field of the engine
 * protocol and a chunk of the history. `submitMs` equals `startMs` except for pool requests.
 */
export const RuntimeSlicesSchema = z
  .object({
    /** Slice type names; `type` entries are positions in it. Every batch carries the whole table so far. */
    types: z.array(z.string().min(1)),
    /** `TRACK_CODE`: 0 loop, 1 pool, 2 worker. */
    track: z.array(z.number().int().min(0).max(2)),
    /** Pool thread (0..threadpoolSize-1) or worker thread (0..threads-1); 0 on the loop. */
    lane: z.array(count),
    submitMs: z.array(ms),
    startMs: z.array(ms),
    endMs: z.array(ms),
    type: z.array(count),
    /** Index of the task the slice served, -1 for the engine's own work. */
    task: z.array(z.number().int().min(-1)),
    /** Short slices folded into others since the previous batch (volume limit). */
    merged: count,
  })
  .superRefine((slices, ctx) => {
    const length = slices.track.length;
    for (const name of ['lane', 'submitMs', 'startMs', 'endMs', 'type', 'task'] as const) {
      if (slices[name].length !== length) {
        ctx.addIssue({ code: 'custom', path: [name], message: `must have ${length} entries like track, got ${slices[name].length}` });
      }
    }
    const tooHigh = slices.type.findIndex((code) => code >= slices.types.length);
    if (tooHigh >= 0) ctx.addIssue({ code: 'custom', path: ['type', tooHigh], message: `has no entry ${slices.type[tooHigh]} in types` });
  });
export type RuntimeSlices = z.output<typeof RuntimeSlicesSchema>;

const task = z.number().int().min(0).nullable();
const type = z.string().min(1);

/** A callback the event loop ran, or work a task ran synchronously on it (`type: "sync"`). */
export const LoopSliceSchema = z.strictObject({ startMs: ms, endMs: ms, type, task });
/**
 * A request handed to the libuv pool: submitted when its async resource was created, ended when its
 * callback ran. `startMs` and `lane` are reconstructed from the pool's FIFO order and the completion times,
 * as seen by the loop.
 */
export const PoolRequestSchema = z.strictObject({ submitMs: ms, startMs: ms, endMs: ms, lane: count, type, task });
/** A callback or synchronous work on a worker thread's own loop. */
export const WorkerSliceSchema = z.strictObject({ thread: count, startMs: ms, endMs: ms, type, task });

/** A run's runtime tracks as users see them (`show --json`, the JSON export); empty for a tasks-mode run. */
export const RuntimeTraceSchema = z.strictObject({
  loop: z.array(LoopSliceSchema),
  threadpool: z.array(PoolRequestSchema),
  workers: z.array(WorkerSliceSchema),
  /** Short slices merged into others because the run went past its slice limit. */
  mergedSlices: count,
});
export type RuntimeTrace = z.output<typeof RuntimeTraceSchema>;
export type LoopSlice = z.output<typeof LoopSliceSchema>;
export type PoolRequest = z.output<typeof PoolRequestSchema>;
export type WorkerSlice = z.output<typeof WorkerSliceSchema>;

/** The trace of a run that recorded none. */
export function emptyRuntimeTrace(): RuntimeTrace {
  return { loop: [], threadpool: [], workers: [], mergedSlices: 0 };
}
