import type { TaskRecord } from '../../shared/protocol/task-record';
import type { TaskArrays } from '../../shared/run/task-columns';
import { STATUS_BY_CODE } from '../timeline/data/task-codes';
import type { TimelineData } from '../timeline/data/timeline-data';

/** One bar of a histogram: values in [fromMs, toMs). */
export interface HistogramBin {
  fromMs: number;
  toMs: number;
  count: number;
}

/** One point of a cumulative distribution: `fraction` of the values are <= `ms`. */
export interface CdfPoint {
  ms: number;
  fraction: number;
}

/** Durations (start to end) of the tasks that ran; cancelled-before-start tasks have none. */
export function taskLatencies(tasks: readonly TaskRecord[]): number[] {
  const out: number[] = [];
  for (const t of tasks) if (t.attempts > 0 && t.status !== 'cancelled') out.push(t.endMs - t.startMs);
  return out;
}

/** `taskLatencies` of tasks as unpacked columns. */
export function columnLatencies(tasks: TaskArrays): Float64Array {
  const cancelled = tasks.statuses.indexOf('cancelled');
  const out = new Float64Array(tasks.count);
  let n = 0;
  for (let i = 0; i < tasks.count; i++) {
    if (tasks.attempts[i]! > 0 && tasks.status[i] !== cancelled) out[n++] = tasks.endMs[i]! - tasks.startMs[i]!;
  }
  return out.subarray(0, n);
}

const CANCELLED_CODE = STATUS_BY_CODE.indexOf('cancelled');
const RUNNING = STATUS_BY_CODE.indexOf('running');

/** `taskLatencies` of the tasks on a timeline (its finished ones), read from its columns. */
export function timelineLatencies(tasks: TimelineData): Float64Array {
  const out = new Float64Array(tasks.count);
  const { attempts, status, startMs, endMs } = tasks;
  let n = 0;
  for (let i = 0; i < tasks.count; i++) {
    if (attempts[i]! > 0 && status[i] !== CANCELLED_CODE && status[i] !== RUNNING) out[n++] = endMs[i]! - startMs[i]!;
  }
  return out.subarray(0, n);
}

/** A bin width of 1, 2 or 5 times a power of ten that gives at most `maxBins` bins over `span`. */
export function niceBinWidth(span: number, maxBins: number): number {
  if (span <= 0) return 1;
  const raw = span / maxBins;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 5, 10]) if (step * power >= raw) return step * power;
  return 10 * power;
}

/** Equal-width bins with round edges from the smallest value to the largest. */
export function histogramBins(values: ArrayLike<number>, maxBins = 30): HistogramBin[] {
  if (values.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const width = niceBinWidth(max - min, maxBins);
  const first = Math.floor(min / width) * width;
  const count = Math.max(1, Math.floor((max - first) / width) + 1);
  const bins = Array.from({ length: count }, (_, i) => ({ fromMs: first + i * width, toMs: first + (i + 1) * width, count: 0 }));
  for (let i = 0; i < values.length; i++) bins[Math.min(count - 1, Math.floor((values[i]! - first) / width))]!.count++;
  return bins;
}

/** The empirical CDF, thinned to at most `maxPoints` points (always keeping the first and last). */
export function cdfPoints(values: ArrayLike<number>, maxPoints = 200): CdfPoint[] {
  const n = values.length;
  if (n === 0) return [];
  const step = Math.max(1, Math.ceil(n / maxPoints));
  const ranks: number[] = [];
  for (let i = 0; i < n; i += step) ranks.push(i);
  if (ranks[ranks.length - 1] !== n - 1) ranks.push(n - 1);
  const ms = orderStatistics(values, ranks);
  return ranks.map((rank, k) => ({ ms: ms[k]!, fraction: (rank + 1) / n }));
}

/** Buckets of values per pass of `orderStatistics`: fine enough that each rank's bucket holds few values. */
const RANK_BUCKETS = 1 << 16;

/**
 * The values at `ranks` (ascending) of `values` sorted, without sorting them all: values are counted into
 * buckets by value, and only the buckets holding a wanted rank are sorted. A million latencies take a few
 * passes instead of a sort (which held up opening a run of a million tasks).
 */
function orderStatistics(values: ArrayLike<number>, ranks: readonly number[]): number[] {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let countable = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v !== v) countable = false;
  }
  if (n <= RANK_BUCKETS || !countable || !(max > min) || !Number.isFinite(max - min)) {
    // A typed array sorts numerically without a comparator call per pair.
    const sorted = Float64Array.from(values).sort();
    return ranks.map((rank) => sorted[rank]!);
  }
  const scale = RANK_BUCKETS / (max - min);
  const bucketOf = (v: number) => Math.min(RANK_BUCKETS - 1, Math.floor((v - min) * scale));
  const below = new Uint32Array(RANK_BUCKETS + 1);
  for (let i = 0; i < n; i++) below[bucketOf(values[i]!) + 1]!++;
  for (let b = 0; b < RANK_BUCKETS; b++) below[b + 1]! += below[b]!;
  // The bucket of each rank, and a slot per wanted bucket for its values.
  const slotOfBucket = new Int32Array(RANK_BUCKETS).fill(-1);
  const wanted: number[] = [];
  const bucketOfRank = ranks.map((rank) => {
    let low = 0;
    let high = RANK_BUCKETS - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (below[mid]! <= rank) low = mid;
      else high = mid - 1;
    }
    if (slotOfBucket[low] === -1) slotOfBucket[low] = wanted.push(low) - 1;
    return low;
  });
  const held = wanted.map((bucket) => new Float64Array(below[bucket + 1]! - below[bucket]!));
  const filled = new Uint32Array(wanted.length);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const slot = slotOfBucket[bucketOf(v)]!;
    if (slot >= 0) held[slot]![filled[slot]!++] = v;
  }
  for (const bucketValues of held) bucketValues.sort();
  return ranks.map((rank, k) => {
    const bucket = bucketOfRank[k]!;
    return held[slotOfBucket[bucket]!]![rank - below[bucket]!]!;
  });
}
