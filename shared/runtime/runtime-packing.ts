import { decodeBase64 } from '../run/base64';
import type { RuntimeSlices } from './runtime-slices';

/** Bytes per slice when packed: three float64 times, then track, lane, type and task as int32. */
export const BYTES_PER_PACKED_SLICE = 3 * 8 + 4 * 4;

/**
 * A run's runtime slices as one packed blob (the history's chunk layout, all chunks together), in base64:
 * what `history.getRuntime` answers, so that a million slices travel without a number turned into text.
 */
export interface PackedRuntime {
  count: number;
  /** Type names; the `type` column holds positions in it. */
  types: string[];
  /** Short slices merged into others beyond the run's slice limit. */
  merged: number;
  /** `BYTES_PER_PACKED_SLICE` x `count` bytes: submitMs, startMs, endMs (float64), track, lane, type, task (int32), column after column. */
  base64: string;
}

/** The slices as typed arrays, entry `i` of each the `i`-th slice. */
export interface RuntimeArrays {
  count: number;
  types: string[];
  merged: number;
  submitMs: Float64Array;
  startMs: Float64Array;
  endMs: Float64Array;
  track: Int32Array;
  lane: Int32Array;
  type: Int32Array;
  /** -1 for the engine's own work. */
  task: Int32Array;
}

const TIME_COLUMNS = ['submitMs', 'startMs', 'endMs'] as const;
const INT_COLUMNS = ['track', 'lane', 'type', 'task'] as const;

/** Packs the slices column after column, times first, so every float64 column stays 8-byte aligned. */
export function packSlices(slices: RuntimeSlices): Uint8Array<ArrayBuffer> {
  const n = slices.track.length;
  const bytes = new Uint8Array(n * BYTES_PER_PACKED_SLICE);
  TIME_COLUMNS.forEach((name, c) => new Float64Array(bytes.buffer, c * n * 8, n).set(slices[name]));
  INT_COLUMNS.forEach((name, c) => new Int32Array(bytes.buffer, 3 * n * 8 + c * n * 4, n).set(slices[name]));
  return bytes;
}

/** Reads packed slices as typed arrays (copied once, so `bytes` may start anywhere); throws a RangeError on a wrong length. */
export function unpackSlices(bytes: Uint8Array, count: number, types: string[], merged: number): RuntimeArrays {
  if (bytes.byteLength !== count * BYTES_PER_PACKED_SLICE) {
    throw new RangeError(`runtime slices: ${count} slices need ${count * BYTES_PER_PACKED_SLICE} bytes, got ${bytes.byteLength}`);
  }
  const buffer = new Uint8Array(bytes).buffer;
  const times = TIME_COLUMNS.map((_, c) => new Float64Array(buffer, c * count * 8, count));
  const ints = INT_COLUMNS.map((_, c) => new Int32Array(buffer, 3 * count * 8 + c * count * 4, count));
  const arrays: RuntimeArrays = { count, types, merged, submitMs: times[0]!, startMs: times[1]!, endMs: times[2]!, track: ints[0]!, lane: ints[1]!, type: ints[2]!, task: ints[3]! };
  const badType = arrays.type.findIndex((code) => code < 0 || code >= types.length);
  if (badType >= 0) throw new RangeError(`runtime slices: slice ${badType} has type ${arrays.type[badType]}, past the ${types.length} type names`);
  return arrays;
}

/** `PackedRuntime` as typed arrays; throws a RangeError naming what is wrong. */
export function unpackRuntime(packed: PackedRuntime): RuntimeArrays {
  return unpackSlices(decodeBase64(packed.base64, 'runtime'), packed.count, packed.types, packed.merged);
}

/** Typed arrays back to columns of plain numbers. */
export function slicesFromArrays(arrays: RuntimeArrays): RuntimeSlices {
  return {
    types: arrays.types,
    submitMs: Array.from(arrays.submitMs),
    startMs: Array.from(arrays.startMs),
    endMs: Array.from(arrays.endMs),
    track: Array.from(arrays.track),
    lane: Array.from(arrays.lane),
    type: Array.from(arrays.type),
    task: Array.from(arrays.task),
    merged: arrays.merged,
  };
}

/**
 * The chunks of a run as one set of columns. Type codes are the run's own throughout (the engine only ever
 * appends to its table), so the last chunk's table names every code.
 */
export function concatSlices(chunks: readonly RuntimeSlices[]): RuntimeSlices {
  const all: RuntimeSlices = { types: chunks.at(-1)?.types ?? [], submitMs: [], startMs: [], endMs: [], track: [], lane: [], type: [], task: [], merged: 0 };
  for (const chunk of chunks) {
    for (const name of [...TIME_COLUMNS, ...INT_COLUMNS]) for (const value of chunk[name]) all[name].push(value);
    all.merged += chunk.merged;
  }
  return all;
}
