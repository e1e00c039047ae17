import { BLOCKED_LOOP_MS } from './runtime-layout';
import type { RuntimeRow, RuntimeTrackData } from './runtime-track-data';

/** Bins of the finest level: finer than a pixel column of the widest screen at the whole run's extent. */
const FINEST_BINS = 1 << 15;

/** One level of the pyramid: in each bin, the slot of the longest slice touching it (-1 for none). */
interface Level {
  binMs: number;
  slot: Int32Array;
  longestMs: Float32Array;
}

/**
 * A row's slices at every zoom out: a pyramid of time bins, each holding the longest slice that touches it
 * (the one whose colour a pixel column shows), halving the bins level by level. Built once per row and
 * count, so that a frame over a million slices reads a bin or two per pixel column instead of every slice,
 * whether it pans or zooms. Slices over `BLOCKED_LOOP_MS` are kept apart, for their marks.
 */
export class RowLod {
  readonly #originMs: number;
  readonly #levels: Level[] = [];
  /** Slots of the slices over `BLOCKED_LOOP_MS`, by start. */
  readonly blocked: Int32Array;

  constructor(data: RuntimeTrackData, row: RuntimeRow) {
    const { slots, count } = row;
    const starts = data.startMs;
    const ends = data.endMs;
    this.#originMs = count > 0 ? starts[slots[0]!]! : 0;
    let lastEnd = this.#originMs;
    for (let k = 0; k < count; k++) lastEnd = Math.max(lastEnd, ends[slots[k]!]!);
    const binMs = Math.max((lastEnd - this.#originMs) / FINEST_BINS, Number.EPSILON);
    const finest: Level = { binMs, slot: new Int32Array(FINEST_BINS).fill(-1), longestMs: new Float32Array(FINEST_BINS) };
    const blocked: number[] = [];
    for (let k = 0; k < count; k++) {
      const slot = slots[k]!;
      const durationMs = ends[slot]! - starts[slot]!;
      if (durationMs > BLOCKED_LOOP_MS) blocked.push(slot);
      const to = Math.min(FINEST_BINS - 1, Math.floor((ends[slot]! - this.#originMs) / binMs));
      for (let b = Math.max(0, Math.floor((starts[slot]! - this.#originMs) / binMs)); b <= to; b++) {
        if (finest.slot[b]! < 0 || durationMs > finest.longestMs[b]!) {
          finest.slot[b] = slot;
          finest.longestMs[b] = durationMs;
        }
      }
    }
    this.blocked = Int32Array.from(blocked);
    this.#levels.push(finest);
    for (let level = finest; level.slot.length > 1; ) {
      level = halve(level);
      this.#levels.push(level);
    }
  }

  /**
   * The slot of the longest slice touching `fromMs`..`toMs`, or -1, read at the coarsest level whose bins
   * are no wider than `columnMs` (so a column reads a bin or two, and a slice bleeds at most one bin wide).
   */
  longestIn(fromMs: number, toMs: number, columnMs: number): number {
    let level = this.#levels[0]!;
    for (const candidate of this.#levels) {
      if (candidate.binMs > columnMs) break;
      level = candidate;
    }
    const last = level.slot.length - 1;
    const from = Math.max(0, Math.floor((fromMs - this.#originMs) / level.binMs));
    const to = Math.min(last, Math.floor((toMs - this.#originMs) / level.binMs));
    let best = -1;
    let bestMs = -1;
    for (let b = from; b <= to; b++) {
      const slot = level.slot[b]!;
      if (slot >= 0 && level.longestMs[b]! > bestMs) {
        best = slot;
        bestMs = level.longestMs[b]!;
      }
    }
    return best;
  }
}

function halve(level: Level): Level {
  const length = Math.ceil(level.slot.length / 2);
  const next: Level = { binMs: level.binMs * 2, slot: new Int32Array(length).fill(-1), longestMs: new Float32Array(length) };
  for (let b = 0; b < length; b++) {
    for (const child of [2 * b, 2 * b + 1]) {
      const slot = level.slot[child] ?? -1;
      if (slot >= 0 && (next.slot[b]! < 0 || level.longestMs[child]! > next.longestMs[b]!)) {
        next.slot[b] = slot;
        next.longestMs[b] = level.longestMs[child]!;
      }
    }
  }
  return next;
}

const cache = new WeakMap<RuntimeRow, { slots: Int32Array; count: number; lod: RowLod }>();

/** The row's pyramid, built again only when its slices changed. */
export function rowLod(data: RuntimeTrackData, row: RuntimeRow): RowLod {
  const cached = cache.get(row);
  if (cached !== undefined && cached.slots === row.slots && cached.count === row.count) return cached.lod;
  const lod = new RowLod(data, row);
  cache.set(row, { slots: row.slots, count: row.count, lod });
  return lod;
}
