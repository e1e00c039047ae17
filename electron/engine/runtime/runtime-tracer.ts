import { AsyncResource, createHook, executionAsyncResource, type AsyncHook } from 'node:async_hooks';
import { ensureLength } from '../../../shared/arrays/ensure-length';
import { SYNC_SLICE_TYPE, TRACK_CODE } from '../../../shared/runtime/runtime-slices';
import { preciseEpochMs } from '../recording/run-clock';
import { PoolReconstruction } from './pool-reconstruction';
import type { SliceBuffer } from './slice-buffer';

/** Async resource types whose work runs on the libuv thread pool (fs, crypto, zlib, `dns.lookup`). */
const POOL_TYPES = new Set([
  'FSREQCALLBACK', 'FSREQPROMISE', 'FILEHANDLECLOSEREQ', 'PBKDF2REQUEST', 'RANDOMBYTESREQUEST', 'SCRYPTREQUEST',
  'HKDFREQUEST', 'KEYGENREQUEST', 'KEYPAIRGENREQUEST', 'SIGNREQUEST', 'VERIFYREQUEST', 'HASHREQUEST', 'CIPHERREQUEST',
  'DERIVEBITSREQUEST', 'CHECKPRIMEREQUEST', 'ZLIB', 'GETADDRINFOREQWRAP', 'GETNAMEINFOREQWRAP',
]);
/** Resources that are not loop callbacks: their time belongs to the callback that ran them. */
const FOLDED_TYPES = new Set(['PROMISE', 'TickObject', 'Microtask']);

/** Where a tracer runs: the engine's own loop, or the worker thread of a lane. */
export interface TracerPlace {
  /** `TRACK_CODE.loop` on the engine, `TRACK_CODE.worker` on a worker thread. */
  track: number;
  /** The worker thread's lane; 0 on the engine. */
  lane: number;
  /** The libuv pool's size, to reconstruct its lanes; 0 records no pool requests (worker threads). */
  threadpoolSize: number;
  /** ms of the run's clock now. */
  now(): number;
}

/**
 * Records, with `async_hooks`, every callback the loop runs as a slice attributed to the task whose async
 * context created it, and every thread-pool request. A task's context is carried from resource to resource:
 * a resource created while task `i` runs belongs to task `i`. The task of each async id sits in a typed
 * array indexed by id (ids only grow), so the hooks neither allocate nor hash. Promise reactions and
 * `nextTick` callbacks are not slices: they lengthen the slice of the callback that ran them.
 */
export class RuntimeTracer {
  /**
   * Async ids only grow: ids from `idBase` on were made while tracing, and sit at `id - idBase` in the two
   * arrays below, which therefore grow with what this trace saw, not with all the process ever made.
   */
  readonly #idBase = new AsyncResource('RuntimeTraceStart').asyncId();
  /** Task index + 1 of each traced async id; 0 for the engine's own work. */
  #taskOfId = new Int32Array(1 << 16);
  /** Type code + 1 of each traced async id that is a loop callback; -1 for promises and ticks. */
  #typeOfId = new Int32Array(1 << 16);
  readonly #isPoolId = new Set<number>();
  /** Types of the resources made before the trace that ran a callback since, by async id. */
  readonly #oldResourceTypes = new Map<number, number>();
  /** Per `before` not yet matched by its `after`: the task it interrupted, times 2, plus 1 if it opened a callback. */
  readonly #contextStack: number[] = [];
  #currentTask = 0;
  #depth = 0;
  /** The top-level slice being built: open from its `before` until the next slice starts. */
  #openStartMs = -1;
  #openEndMs = -1;
  #openType = 0;
  #openTask = 0;
  readonly #pool: PoolReconstruction | null;
  readonly #syncCode: number;
  readonly #hook: AsyncHook;

  readonly #buffer: SliceBuffer;
  readonly #place: TracerPlace;

  constructor(buffer: SliceBuffer, place: TracerPlace) {
    this.#buffer = buffer;
    this.#place = place;
    this.#syncCode = buffer.codeOf(SYNC_SLICE_TYPE);
    this.#pool =
      place.threadpoolSize > 0
        ? new PoolReconstruction(place.threadpoolSize, (r) => buffer.add(TRACK_CODE.pool, r.lane, r.submitMs, r.startMs, r.endMs, r.typeCode, r.task - 1))
        : null;
    this.#hook = createHook({
      init: (asyncId, type) => this.#init(asyncId, type),
      before: (asyncId) => this.#before(asyncId),
      after: () => this.#after(),
    });
  }

  start(): void {
    this.#hook.enable();
  }

  /** Stops recording and hands over the last open slice and every pool request still pending. */
  stop(): void {
    this.#hook.disable();
    this.#closeOpen();
    this.#pool?.flush(this.#place.now());
  }

  /** Runs `work` (which starts task `index`) so that every resource it creates belongs to that task. */
  withTask<T>(index: number, work: () => T): T {
    const previous = this.#currentTask;
    this.#currentTask = index + 1;
    try {
      return work();
    } finally {
      this.#currentTask = previous;
    }
  }

  /** Runs `work`, which blocks the thread on purpose, as a `sync` slice of the current task. */
  sync<T>(work: () => T): T {
    const startMs = this.#place.now();
    try {
      return work();
    } finally {
      const endMs = this.#place.now();
      if (this.#openStartMs >= 0 && startMs > this.#openStartMs) this.#emit(this.#openStartMs, startMs, this.#openType, this.#openTask);
      this.#emit(startMs, endMs, this.#syncCode, this.#currentTask);
      if (this.#openStartMs >= 0) {
        this.#openStartMs = endMs;
        this.#openEndMs = endMs;
      }
    }
  }

  #init(asyncId: number, type: string): void {
    const i = asyncId - this.#idBase;
    if (i >= this.#taskOfId.length) {
      this.#taskOfId = ensureLength(this.#taskOfId, i + 1);
      this.#typeOfId = ensureLength(this.#typeOfId, i + 1);
    }
    this.#taskOfId[i] = this.#currentTask;
    if (FOLDED_TYPES.has(type)) {
      this.#typeOfId[i] = -1;
      return;
    }
    const typeCode = this.#buffer.codeOf(type);
    this.#typeOfId[i] = typeCode + 1;
    if (this.#pool !== null && POOL_TYPES.has(type)) {
      this.#isPoolId.add(asyncId);
      this.#pool.submitted(asyncId, this.#place.now(), typeCode, this.#currentTask);
    }
  }

  #before(asyncId: number): void {
    const i = asyncId - this.#idBase;
    const traced = i >= 0 && i < this.#taskOfId.length;
    // A resource made before the trace started (the sampler's interval, the IPC pipe) is a callback of the engine's.
    const typeCode = traced ? this.#typeOfId[i]! - 1 : this.#typeOfOldResource(asyncId);
    this.#contextStack.push(this.#currentTask * 2 + (typeCode >= 0 ? 1 : 0));
    this.#currentTask = traced ? this.#taskOfId[i]! : 0;
    if (typeCode < 0) return;
    const nowMs = this.#place.now();
    if (this.#isPoolId.delete(asyncId)) this.#pool?.completed(asyncId, nowMs);
    if (this.#depth === 0) {
      this.#closeOpen();
      this.#openStartMs = nowMs;
      this.#openEndMs = nowMs;
      this.#openType = typeCode;
      this.#openTask = this.#currentTask;
    } else if (this.#openTask === 0) {
      // The engine's own callback (a worker's message port) ran one of a task's: the slice served that task.
      this.#openTask = this.#currentTask;
    }
    this.#depth += 1;
  }

  #typeOfOldResource(asyncId: number): number {
    let typeCode = this.#oldResourceTypes.get(asyncId);
    if (typeCode === undefined) {
      const name = (executionAsyncResource() as { constructor?: { name?: string } } | undefined)?.constructor?.name;
      typeCode = this.#buffer.codeOf(name === undefined || name === '' || name === 'Object' ? 'unknown' : name);
      this.#oldResourceTypes.set(asyncId, typeCode);
    }
    return typeCode;
  }

  #after(): void {
    const frame = this.#contextStack.pop() ?? 0;
    this.#currentTask = frame >> 1;
    if ((frame & 1) === 1 && this.#depth > 0) this.#depth -= 1;
    // Every `after` at the top level (a callback's own, or that of a promise reaction it ran) moves its end.
    if (this.#depth === 0 && this.#openStartMs >= 0) this.#openEndMs = this.#place.now();
  }

  #closeOpen(): void {
    if (this.#openStartMs < 0) return;
    this.#emit(this.#openStartMs, this.#openEndMs, this.#openType, this.#openTask);
    this.#openStartMs = -1;
  }

  #emit(startMs: number, endMs: number, typeCode: number, taskPlusOne: number): void {
    this.#buffer.add(this.#place.track, this.#place.lane, startMs, startMs, Math.max(startMs, endMs), typeCode, taskPlusOne - 1);
  }
}

/** The run's clock as seen from any thread: ms since `originEpochMs`, from the shared high-resolution time. */
export function clockFrom(originEpochMs: number): () => number {
  return () => preciseEpochMs() - originEpochMs;
}
