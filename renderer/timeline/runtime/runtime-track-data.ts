import { ensureLength } from '../../../shared/arrays/ensure-length';
import type { RuntimeArrays } from '../../../shared/runtime/runtime-packing';
import { TRACK_CODE, type RuntimeSlices } from '../../../shared/runtime/runtime-slices';

/** One drawn row of the runtime tracks: the loop, one pool thread, or one worker thread. */
export interface RuntimeRow {
  track: number;
  lane: number;
  /** Its slices' slots, by start (slices of one row never overlap). */
  slots: Int32Array;
  count: number;
}

/** What served one task, for the details panel. */
export interface TaskRuntimeSummary {
  loopCallbacks: number;
  loopMs: number;
  poolRequests: number;
  /** Time the task's pool requests waited for a thread, in all. */
  poolWaitMs: number;
  poolRunMs: number;
  workerSlices: number;
  workerMs: number;
}

/**
 * A run's runtime slices in growable typed arrays, one slot per slice in arrival order, with each row's
 * slots kept by start for drawing and hit testing. Live runs append a batch at a time; stored runs come
 * in whole. `version` changes with every append.
 */
export class RuntimeTrackData {
  types: string[] = [];
  merged = 0;
  #count = 0;
  submitMs = new Float64Array(1024);
  startMs = new Float64Array(1024);
  endMs = new Float64Array(1024);
  track = new Int32Array(1024);
  lane = new Int32Array(1024);
  type = new Int32Array(1024);
  task = new Int32Array(1024);
  readonly #rows = new Map<number, RuntimeRow>();
  readonly #unsorted = new Set<RuntimeRow>();
  #version = 0;
  #lastKey = -1;
  #lastRow: RuntimeRow | undefined;

  static fromArrays(arrays: RuntimeArrays): RuntimeTrackData {
    const data = new RuntimeTrackData();
    data.#append(arrays, arrays.count, arrays.types, arrays.merged);
    return data;
  }

  get count(): number {
    return this.#count;
  }
  get version(): number {
    return this.#version;
  }

  /** Adds one batch's slices. */
  appendSlices(slices: RuntimeSlices): void {
    this.#append(slices, slices.track.length, slices.types, slices.merged);
  }

  /** The rows in drawing order: the loop, then pool threads, then worker threads, each by lane. */
  rows(): RuntimeRow[] {
    for (const row of this.#unsorted) {
      const starts = this.startMs;
      const sorted = Array.from(row.slots.subarray(0, row.count)).sort((a, b) => starts[a]! - starts[b]!);
      row.slots.set(sorted);
    }
    this.#unsorted.clear();
    return [...this.#rows.values()].sort((a, b) => a.track - b.track || a.lane - b.lane);
  }

  /** Every slot that served `task`, in slot order. */
  slotsOfTask(task: number): number[] {
    const slots: number[] = [];
    for (let slot = 0; slot < this.#count; slot++) if (this.task[slot] === task) slots.push(slot);
    return slots;
  }

  /** What served `task` on each track. */
  summarize(task: number): TaskRuntimeSummary {
    const summary: TaskRuntimeSummary = { loopCallbacks: 0, loopMs: 0, poolRequests: 0, poolWaitMs: 0, poolRunMs: 0, workerSlices: 0, workerMs: 0 };
    for (const slot of this.slotsOfTask(task)) {
      const ms = this.endMs[slot]! - this.startMs[slot]!;
      if (this.track[slot] === TRACK_CODE.loop) {
        summary.loopCallbacks += 1;
        summary.loopMs += ms;
      } else if (this.track[slot] === TRACK_CODE.pool) {
        summary.poolRequests += 1;
        summary.poolRunMs += ms;
        summary.poolWaitMs += this.startMs[slot]! - this.submitMs[slot]!;
      } else {
        summary.workerSlices += 1;
        summary.workerMs += ms;
      }
    }
    return summary;
  }

  #append(columns: Pick<RuntimeArrays, 'submitMs' | 'startMs' | 'endMs' | 'track' | 'lane' | 'type' | 'task'> | RuntimeSlices, n: number, types: string[], merged: number): void {
    if (n === 0 && merged === 0) return;
    this.types = types;
    this.merged += merged;
    const from = this.#count;
    this.#grow(from + n);
    this.submitMs.set(columns.submitMs, from);
    this.startMs.set(columns.startMs, from);
    this.endMs.set(columns.endMs, from);
    this.track.set(columns.track, from);
    this.lane.set(columns.lane, from);
    this.type.set(columns.type, from);
    this.task.set(columns.task, from);
    this.#count = from + n;
    for (let slot = from; slot < this.#count; slot++) this.#addToRow(slot);
    this.#version += 1;
  }

  #addToRow(slot: number): void {
    const key = this.track[slot]! * 1_000_000 + this.lane[slot]!;
    // Slices of one row mostly come in a run: look the row up only when it changes.
    let row = key === this.#lastKey ? this.#lastRow : this.#rows.get(key);
    if (row === undefined) {
      row = { track: this.track[slot]!, lane: this.lane[slot]!, slots: new Int32Array(256), count: 0 };
      this.#rows.set(key, row);
    }
    this.#lastKey = key;
    this.#lastRow = row;
    if (row.count === row.slots.length) row.slots = ensureLength(row.slots, row.count + 1);
    const previous = row.count > 0 ? row.slots[row.count - 1]! : -1;
    if (previous >= 0 && this.startMs[previous]! > this.startMs[slot]!) this.#unsorted.add(row);
    row.slots[row.count++] = slot;
  }

  #grow(minLength: number): void {
    this.submitMs = ensureLength(this.submitMs, minLength);
    this.startMs = ensureLength(this.startMs, minLength);
    this.endMs = ensureLength(this.endMs, minLength);
    this.track = ensureLength(this.track, minLength);
    this.lane = ensureLength(this.lane, minLength);
    this.type = ensureLength(this.type, minLength);
    this.task = ensureLength(this.task, minLength);
  }
}
