import { ensureLength } from '../../../shared/arrays/ensure-length';
import { MERGE_BELOW_MS, MERGE_BUCKET_MS, MERGED_SLICE_TYPE, type RuntimeSlices } from '../../../shared/runtime/runtime-slices';

/**
 * The slices recorded since the last batch, in typed arrays (no object per slice), with the type names
 * as a table. Past `limit` slices in the run, a slice shorter than `MERGE_BELOW_MS` is folded into the
 * previous one of its track and lane when both fall in the same `MERGE_BUCKET_MS` bucket, so that a run
 * of a million tiny callbacks keeps its shape without keeping every callback.
 */
export class SliceBuffer {
  readonly #typeCodes = new Map<string, number>();
  readonly #types: string[] = [];
  #track = new Uint8Array(1024);
  #lane = new Uint32Array(1024);
  #submitMs = new Float64Array(1024);
  #startMs = new Float64Array(1024);
  #endMs = new Float64Array(1024);
  #type = new Uint32Array(1024);
  #task = new Int32Array(1024);
  #length = 0;
  #recorded = 0;
  #mergedSinceBatch = 0;
  #mergedCode = -1;
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** The code of a type name (added to the table on first use). */
  codeOf(type: string): number {
    let code = this.#typeCodes.get(type);
    if (code === undefined) {
      code = this.#types.length;
      this.#types.push(type);
      this.#typeCodes.set(type, code);
    }
    return code;
  }

  /** Adds one slice; `task` -1 for the engine's own work. */
  add(track: number, lane: number, submitMs: number, startMs: number, endMs: number, typeCode: number, task: number): void {
    if (this.#recorded >= this.#limit && endMs - startMs < MERGE_BELOW_MS && this.#mergeIntoPrevious(track, lane, startMs, endMs, typeCode, task)) return;
    const i = this.#length;
    this.#grow(i + 1);
    this.#track[i] = track;
    this.#lane[i] = lane;
    this.#submitMs[i] = submitMs;
    this.#startMs[i] = startMs;
    this.#endMs[i] = endMs;
    this.#type[i] = typeCode;
    this.#task[i] = task;
    this.#length = i + 1;
    this.#recorded += 1;
  }

  /** Everything since the previous call as columns, or null when nothing was recorded. */
  take(): RuntimeSlices | null {
    if (this.#length === 0 && this.#mergedSinceBatch === 0) return null;
    const n = this.#length;
    const slices: RuntimeSlices = {
      types: [...this.#types],
      track: Array.from(this.#track.subarray(0, n)),
      lane: Array.from(this.#lane.subarray(0, n)),
      submitMs: Array.from(this.#submitMs.subarray(0, n)),
      startMs: Array.from(this.#startMs.subarray(0, n)),
      endMs: Array.from(this.#endMs.subarray(0, n)),
      type: Array.from(this.#type.subarray(0, n)),
      task: Array.from(this.#task.subarray(0, n)),
      merged: this.#mergedSinceBatch,
    };
    this.#length = 0;
    this.#mergedSinceBatch = 0;
    return slices;
  }

  #mergeIntoPrevious(track: number, lane: number, startMs: number, endMs: number, typeCode: number, task: number): boolean {
    const last = this.#lastOf(track, lane);
    if (last < 0 || Math.floor(this.#startMs[last]! / MERGE_BUCKET_MS) !== Math.floor(startMs / MERGE_BUCKET_MS)) return false;
    if (this.#endMs[last]! - this.#startMs[last]! >= MERGE_BELOW_MS && this.#type[last] !== this.#mergedTypeCode()) return false;
    this.#endMs[last] = Math.max(this.#endMs[last]!, endMs);
    if (this.#type[last] !== typeCode) this.#type[last] = this.#mergedTypeCode();
    if (this.#task[last] !== task) this.#task[last] = -1;
    this.#mergedSinceBatch += 1;
    return true;
  }

  /** The most recent slice of this track and lane still in the buffer (a few back at most), or -1. */
  #lastOf(track: number, lane: number): number {
    for (let i = this.#length - 1; i >= Math.max(0, this.#length - 8); i--) {
      if (this.#track[i] === track && this.#lane[i] === lane) return i;
    }
    return -1;
  }

  #mergedTypeCode(): number {
    if (this.#mergedCode < 0) this.#mergedCode = this.codeOf(MERGED_SLICE_TYPE);
    return this.#mergedCode;
  }

  #grow(minLength: number): void {
    this.#track = ensureLength(this.#track, minLength);
    this.#lane = ensureLength(this.#lane, minLength);
    this.#submitMs = ensureLength(this.#submitMs, minLength);
    this.#startMs = ensureLength(this.#startMs, minLength);
    this.#endMs = ensureLength(this.#endMs, minLength);
    this.#type = ensureLength(this.#type, minLength);
    this.#task = ensureLength(this.#task, minLength);
  }
}
