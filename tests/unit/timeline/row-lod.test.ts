import { describe, expect, it } from 'vitest';
import { rowLod } from '../../../renderer/timeline/runtime/row-lod';
import { RuntimeTrackData } from '../../../renderer/timeline/runtime/runtime-track-data';
import { TRACK_CODE } from '../../../shared/runtime/runtime-slices';
import { seededRandom } from './fixtures/synthetic-run';

/** `n` loop slices back to back with random gaps and lengths (one of them 80 ms long: a blocked loop). */
function loopRow(n: number) {
  const random = seededRandom(7);
  const startMs: number[] = [];
  const endMs: number[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    at += random() * 0.05;
    const lengthMs = i === n / 2 ? 80 : random() * 0.2;
    startMs.push(at);
    endMs.push(at + lengthMs);
    at += lengthMs;
  }
  const data = new RuntimeTrackData();
  const zeros = startMs.map(() => 0);
  data.appendSlices({ types: ['Timeout'], track: zeros.map(() => TRACK_CODE.loop), lane: zeros, submitMs: startMs, startMs, endMs, type: zeros, task: zeros, merged: 0 });
  return { data, row: data.rows()[0]! };
}

describe('a runtime row at every zoom out (row-lod)', () => {
  it('finds in each column the longest slice touching it, give or take one bin at either side', () => {
    const { data, row } = loopRow(20_000);
    const lod = rowLod(data, row);
    const extentMs = data.endMs[row.slots[row.count - 1]!]!;
    for (const columns of [100, 1000, 3000]) {
      const columnMs = extentMs / columns;
      for (let c = 0; c < columns; c += 7) {
        const fromMs = c * columnMs;
        const toMs = fromMs + columnMs;
        let longestMs = 0;
        for (let k = 0; k < row.count; k++) {
          const slot = row.slots[k]!;
          if (data.startMs[slot]! <= toMs && data.endMs[slot]! >= fromMs) longestMs = Math.max(longestMs, data.endMs[slot]! - data.startMs[slot]!);
        }
        const found = lod.longestIn(fromMs, toMs, columnMs);
        expect(found).toBeGreaterThanOrEqual(0);
        // Float32 lengths in the bins: equal to the slice's own within its precision.
        expect(data.endMs[found]! - data.startMs[found]!).toBeGreaterThanOrEqual(longestMs * (1 - 1e-6));
        expect(data.startMs[found]!).toBeLessThanOrEqual(toMs + columnMs);
        expect(data.endMs[found]!).toBeGreaterThanOrEqual(fromMs - columnMs);
      }
    }
  });

  it('keeps the blocked slices apart, and is built once per row until the row changes', () => {
    const { data, row } = loopRow(1_000);
    const lod = rowLod(data, row);
    expect(Array.from(lod.blocked)).toEqual([row.slots[500]]);
    expect(rowLod(data, row)).toBe(lod);
    expect(lod.longestIn(-10, -5, 1)).toBe(-1);
  });
});
