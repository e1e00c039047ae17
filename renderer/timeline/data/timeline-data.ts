import type { Sample, TaskRecord, TaskStart } from '../../../shared/protocol/task-record';
import type { TaskArrays } from '../../../shared/run/task-columns';
import { checkTaskArrays, checkTaskRecords, checkTaskStarts } from './check-task';
import { ensureLength } from '../../../shared/arrays/ensure-length';
import { LaneSpans } from './lane-spans';
import { SampleSeries } from './sample-series';
import { RUNNING_CODE, STATUS_BY_CODE, kindCode, statusCode, type TimelineStatus } from './task-codes';
import { TASK_KINDS, type TaskKind } from '../../../shared/scenario';

/** What a copied sample holds besides its time and loop delay, which the timeline does not draw. */
const NO_SAMPLE: Sample = { tMs: 0, inFlight: 0, loopDelayMs: 0, elu: 0, cpuPercent: 0, rssBytes: 0, heapUsedBytes: 0 };

/**
 * The spans of a run's tasks in typed arrays, one position ("slot") per task in the order the timeline
 * heard of them, growable for live appends. Drawing reads it and never changes it; every change bumps
 * `version`, which is what a component watches to know it must redraw.
 *
 * A started task is `running` with `endMs` = +Infinity until its record arrives; draw it up to `nowMs`.
 */
export class TimelineData {
  #count = 0;
  #queuedMs: Float64Array;
  #startMs: Float64Array;
  #endMs: Float64Array;
  #observedMs: Float64Array;
  #orphaned: Uint8Array;
  #orphanedCount = 0;
  #lane: Uint32Array;
  #group: Uint32Array;
  #taskIndex: Uint32Array;
  #kind: Uint8Array;
  #status: Uint8Array;
  #attempts: Uint16Array;
  #slotByTask = new Int32Array(0);
  readonly #errors = new Map<number, string>();
  readonly #lanes: LaneSpans[] = [];
  /** Lanes whose starts arrived out of order during the current append. */
  readonly #unsorted: LaneSpans[] = [];
  #laneCount = 0;
  readonly #statusCounts = new Uint32Array(STATUS_BY_CODE.length);
  readonly #kindCounts = new Uint32Array(TASK_KINDS.length);
  #nowMs = 0;
  #version = 0;
  readonly #samples = new SampleSeries();

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(16, initialCapacity);
    this.#queuedMs = new Float64Array(capacity);
    this.#startMs = new Float64Array(capacity);
    this.#endMs = new Float64Array(capacity);
    this.#observedMs = new Float64Array(capacity);
    this.#orphaned = new Uint8Array(capacity);
    this.#lane = new Uint32Array(capacity);
    this.#group = new Uint32Array(capacity);
    this.#taskIndex = new Uint32Array(capacity);
    this.#kind = new Uint8Array(capacity);
    this.#status = new Uint8Array(capacity);
    this.#attempts = new Uint16Array(capacity);
  }

  /** A stored run: finished records (in any order) and its samples. Throws on a record it cannot hold. */
  static fromTasks(tasks: readonly TaskRecord[], samples: readonly Sample[] = []): TimelineData {
    const data = new TimelineData(tasks.length);
    data.appendFinished(tasks);
    data.appendSamples(samples);
    return data;
  }

  /**
   * A stored run fetched as columns (unpacked): the same as `fromTasks` on its records, without an object
   * per task. Throws on columns it cannot hold (a NaN time, an unknown kind, a task index twice).
   */
  static fromColumns(columns: TaskArrays, samples: readonly Sample[] = []): TimelineData {
    const codes = checkTaskArrays(columns, 'tasks');
    const data = new TimelineData(columns.count);
    data.#appendColumns(columns, codes);
    data.appendSamples(samples);
    return data;
  }

  /**
   * The same tasks in the same slots with `lanesPerRow` neighbouring lanes drawn as one row (lane `l` on row
   * `floor(l / lanesPerRow)`): a run of thousands of lanes fits the screen, each row showing where its tasks
   * ran. Copies the typed arrays; samples keep their time and loop delay, all the timeline draws of them.
   */
  static grouped(source: TimelineData, lanesPerRow: number): TimelineData {
    if (!Number.isInteger(lanesPerRow) || lanesPerRow < 1) throw new RangeError(`lanesPerRow: must be a whole number >= 1, got ${lanesPerRow}`);
    const n = source.count;
    const data = new TimelineData(n);
    // The same slots: every array but the lanes is a copy, and so are the counts.
    for (const name of ['queuedMs', 'startMs', 'endMs', 'observedMs', 'orphaned', 'group', 'taskIndex', 'kind', 'status', 'attempts'] as const) {
      (data[name] as Float64Array | Uint32Array | Uint16Array | Uint8Array).set(source[name].subarray(0, n));
    }
    data.#slotByTask = source.#slotByTask.slice();
    data.#statusCounts.set(source.#statusCounts);
    data.#kindCounts.set(source.#kindCounts);
    data.#orphanedCount = source.#orphanedCount;
    const lanes = source.#lane;
    const rows = data.#lane;
    const starts = data.#startMs;
    for (let slot = 0; slot < n; slot++) {
      const row = Math.floor(lanes[slot]! / lanesPerRow);
      rows[slot] = row;
      const spans = (data.#lanes[row] ??= new LaneSpans());
      if (spans.push(slot, starts[slot]!, starts)) data.#unsorted.push(spans);
    }
    data.#count = n;
    for (const [slot, message] of source.#errors) data.#errors.set(slot, message);
    data.#settle();
    data.setLaneCount(Math.ceil(source.laneCount / lanesPerRow));
    const { timeMs, loopDelayMs, count } = source.samples;
    data.appendSamples(Array.from({ length: count }, (_, i) => ({ ...NO_SAMPLE, tMs: timeMs[i]!, loopDelayMs: loopDelayMs[i]! })));
    data.#nowMs = source.#nowMs;
    return data;
  }

  /** How many tasks (slots) the arrays hold; every array is valid in `[0, count)`. */
  get count(): number {
    return this.#count;
  }
  /** Rows to draw: the highest lane seen + 1, or more after `setLaneCount`. */
  get laneCount(): number {
    return this.#laneCount;
  }
  /** Bumped by every change. */
  get version(): number {
    return this.#version;
  }
  /** The latest time the run has reached (ms from run start): running tasks end here. */
  get nowMs(): number {
    return this.#nowMs;
  }
  /** Tasks started and not finished yet. */
  get runningCount(): number {
    return this.#statusCounts[RUNNING_CODE]!;
  }
  /** How many tasks have `status` now. */
  countByStatus(status: TimelineStatus): number {
    return this.#statusCounts[statusCode(status)]!;
  }
  /** Finished tasks that ended after their strategy settled. */
  get orphanedCount(): number {
    return this.#orphanedCount;
  }
  countByKind(kind: TaskKind): number {
    return this.#kindCounts[kindCode(kind)]!;
  }
  get samples(): SampleSeries {
    return this.#samples;
  }
  // The arrays are replaced when they grow: read them afresh after an append, never keep them.
  get queuedMs(): Float64Array {
    return this.#queuedMs;
  }
  get startMs(): Float64Array {
    return this.#startMs;
  }
  /** +Infinity while the task runs. */
  get endMs(): Float64Array {
    return this.#endMs;
  }
  /** When the strategy heard of the task's end (`endMs` <= it); +Infinity while the task runs. */
  get observedMs(): Float64Array {
    return this.#observedMs;
  }
  /** 1 for a task that ended after its strategy settled. */
  get orphaned(): Uint8Array {
    return this.#orphaned;
  }
  get lane(): Uint32Array {
    return this.#lane;
  }
  get group(): Uint32Array {
    return this.#group;
  }
  /** The task's `index` in the run (its position in the expanded task list). */
  get taskIndex(): Uint32Array {
    return this.#taskIndex;
  }
  /** Codes of `task-codes.ts`: position in `TASK_KINDS`. */
  get kind(): Uint8Array {
    return this.#kind;
  }
  /** Codes of `task-codes.ts`: position in `STATUS_BY_CODE`. */
  get status(): Uint8Array {
    return this.#status;
  }
  get attempts(): Uint16Array {
    return this.#attempts;
  }

  error(slot: number): string | null {
    return this.#errors.get(slot) ?? null;
  }

  /** The slot holding the run's task `taskIndex`, or -1. */
  slotOfTask(taskIndex: number): number {
    return taskIndex < this.#slotByTask.length ? this.#slotByTask[taskIndex]! : -1;
  }

  /** The tasks of one lane in start order, or undefined for a lane with no task. */
  laneSpans(lane: number): LaneSpans | undefined {
    return this.#lanes[lane];
  }

  /** Shows `lanes` rows before their tasks arrive (the engine's `started` event says how many). */
  setLaneCount(lanes: number): void {
    if (!Number.isInteger(lanes) || lanes < 0) throw new RangeError(`lanes: must be a whole number >= 0, got ${lanes}`);
    this.#laneCount = Math.max(this.#laneCount, lanes);
    this.#version++;
  }

  /** Moves the clock on (a batch's `elapsedMs`), so running tasks grow even when nothing else happened. */
  setElapsed(elapsedMs: number): void {
    if (!Number.isFinite(elapsedMs) || elapsedMs < 0) throw new RangeError(`elapsedMs: must be a finite number >= 0, got ${elapsedMs}`);
    this.#nowMs = Math.max(this.#nowMs, elapsedMs);
    this.#version++;
  }

  /** Tasks that started: drawn as running until `appendFinished` brings their record. Known tasks are skipped. */
  appendStarted(tasks: readonly TaskStart[]): void {
    checkTaskStarts(tasks, 'started');
    this.#reserve(this.#count + tasks.length);
    for (const task of tasks) {
      if (this.slotOfTask(task.index) >= 0) continue;
      this.#addSlot(task.index, task.group, kindCode(task.kind), task.lane, task.queuedMs, task.startMs);
    }
    this.#settle();
  }

  /** Finished tasks: completes their spans (adding those never seen starting, e.g. cancelled before start). */
  appendFinished(tasks: readonly TaskRecord[]): void {
    checkTaskRecords(tasks, 'finished');
    this.#reserve(this.#count + tasks.length);
    for (const task of tasks) {
      let slot = this.slotOfTask(task.index);
      if (slot < 0) {
        // A new slot is pushed past the lane's valid running maximum: no end to invalidate.
        slot = this.#addSlot(task.index, task.group, kindCode(task.kind), task.lane, task.queuedMs, task.startMs);
      } else {
        if (this.#lane[slot] !== task.lane || this.#startMs[slot] !== task.startMs) this.#move(slot, task);
        this.#lanes[task.lane]!.endChanged(task.startMs, this.#startMs);
        this.#errors.delete(slot);
      }
      this.#finish(slot, statusCode(task.status), task.endMs, task.attempts, task.observedMs, task.orphaned ? 1 : 0);
      if (task.error !== null) this.#errors.set(slot, task.error);
    }
    this.#settle();
  }

  /** Columns checked by `checkTaskArrays`, whose codes for `columns.kinds` and `columns.statuses` it gave. */
  /**
   * What `#addSlot` and `#finish` do for each task, in one pass over the columns and with the arrays copied whole:
   * a stored run of a million tasks is the timeline's first picture, and a call per task per field held it up.
   */
  #appendColumns(columns: TaskArrays, codes: { kinds: Uint8Array; statuses: Uint8Array }): void {
    const { count, index, group, kind, lane, queuedMs, startMs, endMs, observedMs, status, orphaned, attempts } = columns;
    const first = this.#count;
    this.#reserve(first + count);
    let maxIndex = -1;
    for (let i = 0; i < count; i++) if (index[i]! > maxIndex) maxIndex = index[i]!;
    if (maxIndex >= this.#slotByTask.length) this.#slotByTask = ensureLength(this.#slotByTask, maxIndex + 1, -1);
    this.#taskIndex.set(index, first);
    this.#group.set(group, first);
    this.#lane.set(lane, first);
    this.#queuedMs.set(queuedMs, first);
    this.#startMs.set(startMs, first);
    this.#endMs.set(endMs, first);
    this.#orphaned.set(orphaned, first);
    if (attempts instanceof Uint32Array) for (let i = 0; i < count; i++) this.#attempts[first + i] = Math.min(attempts[i]!, 0xffff);
    else this.#attempts.set(attempts, first);
    const slotByTask = this.#slotByTask;
    const kinds = this.#kind;
    const statuses = this.#status;
    const observed = this.#observedMs;
    const laneSpans = this.#lanes;
    let nowMs = this.#nowMs;
    let laneCount = this.#laneCount;
    let orphanedCount = 0;
    for (let i = 0; i < count; i++) {
      const slot = first + i;
      const task = index[i]!;
      if (slotByTask[task]! >= 0) throw new RangeError(`tasks.index[${i}]: task ${task} is there twice`);
      slotByTask[task] = slot;
      const kindCode = codes.kinds[kind[i]!]!;
      kinds[slot] = kindCode;
      this.#kindCounts[kindCode]!++;
      const statusCode = codes.statuses[status[i]!]!;
      statuses[slot] = statusCode;
      this.#statusCounts[statusCode]!++;
      orphanedCount += orphaned[i]!;
      const start = startMs[i]!;
      const lastMs = Math.max(endMs[i]!, observedMs[i]!, start, queuedMs[i]!);
      observed[slot] = Math.max(endMs[i]!, observedMs[i]!);
      if (lastMs > nowMs) nowMs = lastMs;
      const l = lane[i]!;
      const spans = (laneSpans[l] ??= new LaneSpans());
      if (spans.push(slot, start, this.#startMs)) this.#unsorted.push(spans);
      if (l >= laneCount) laneCount = l + 1;
    }
    this.#count = first + count;
    this.#orphanedCount += orphanedCount;
    this.#nowMs = nowMs;
    this.#laneCount = laneCount;
    const { at, message, messages } = columns.errors;
    for (let i = 0; i < at.length; i++) this.#errors.set(first + at[i]!, messages[message[i]!]!);
    this.#settle();
  }

  appendSamples(samples: readonly Sample[]): void {
    this.#samples.append(samples);
    this.#nowMs = Math.max(this.#nowMs, this.#samples.lastTimeMs);
    this.#version++;
  }

  #addSlot(index: number, group: number, kind: number, lane: number, queuedMs: number, startMs: number): number {
    const slot = this.#count++;
    if (index >= this.#slotByTask.length) this.#slotByTask = ensureLength(this.#slotByTask, index + 1, -1);
    this.#slotByTask[index] = slot;
    this.#taskIndex[slot] = index;
    this.#group[slot] = group;
    this.#kind[slot] = kind;
    this.#kindCounts[kind]!++;
    this.#status[slot] = RUNNING_CODE;
    this.#statusCounts[RUNNING_CODE]!++;
    this.#endMs[slot] = Infinity;
    this.#observedMs[slot] = Infinity;
    this.#orphaned[slot] = 0;
    this.#place(slot, lane, queuedMs, startMs);
    return slot;
  }

  #finish(slot: number, status: number, endMs: number, attempts: number, observedMs: number, orphaned: number): void {
    this.#setStatus(slot, status);
    this.#endMs[slot] = endMs;
    const lastMs = Math.max(endMs, observedMs);
    this.#observedMs[slot] = lastMs;
    this.#orphanedCount += orphaned - this.#orphaned[slot]!;
    this.#orphaned[slot] = orphaned;
    this.#attempts[slot] = Math.min(attempts, 0xffff);
    if (lastMs > this.#nowMs) this.#nowMs = lastMs;
  }

  #setStatus(slot: number, code: number): void {
    this.#statusCounts[this.#status[slot]!]!--;
    this.#statusCounts[code]!++;
    this.#status[slot] = code;
  }

  #move(slot: number, task: TaskStart): void {
    this.#lanes[this.#lane[slot]!]?.remove(slot);
    this.#place(slot, task.lane, task.queuedMs, task.startMs);
  }

  #place(slot: number, lane: number, queuedMs: number, startMs: number): void {
    this.#queuedMs[slot] = queuedMs;
    this.#startMs[slot] = startMs;
    this.#lane[slot] = lane;
    const spans = (this.#lanes[lane] ??= new LaneSpans());
    if (spans.push(slot, startMs, this.#startMs)) this.#unsorted.push(spans);
    if (lane >= this.#laneCount) this.#laneCount = lane + 1;
    if (startMs > this.#nowMs) this.#nowMs = startMs;
    if (queuedMs > this.#nowMs) this.#nowMs = queuedMs;
  }

  #settle(): void {
    for (const spans of this.#unsorted) spans.settle(this.#startMs);
    this.#unsorted.length = 0;
    this.#version++;
  }

  #reserve(capacity: number): void {
    this.#queuedMs = ensureLength(this.#queuedMs, capacity);
    this.#startMs = ensureLength(this.#startMs, capacity);
    this.#endMs = ensureLength(this.#endMs, capacity);
    this.#observedMs = ensureLength(this.#observedMs, capacity);
    this.#orphaned = ensureLength(this.#orphaned, capacity);
    this.#lane = ensureLength(this.#lane, capacity);
    this.#group = ensureLength(this.#group, capacity);
    this.#taskIndex = ensureLength(this.#taskIndex, capacity);
    this.#kind = ensureLength(this.#kind, capacity);
    this.#status = ensureLength(this.#status, capacity);
    this.#attempts = ensureLength(this.#attempts, capacity);
  }
}
