import { describe, expect, it } from 'vitest';
import { drawRuntimeTracks } from '../../../renderer/timeline/runtime/draw-runtime-tracks';
import { sliceAt } from '../../../renderer/timeline/runtime/runtime-layout';
import { summarySentence } from '../../../renderer/timeline/runtime/runtime-text';
import { RuntimeTrackData } from '../../../renderer/timeline/runtime/runtime-track-data';
import { createTimeScale } from '../../../renderer/timeline/scale/time-scale';
import { TRACK_CODE, type RuntimeSlices } from '../../../shared/runtime/runtime-slices';
import { recordingContext } from './helpers/recording-context';
import { testTheme } from './helpers/test-theme';

/** `n` loop callbacks of 0.01 ms every 0.02 ms (task i % 100), then 2 pool requests of task 7 that waited. */
function slices(n: number): RuntimeSlices {
  const index = Array.from({ length: n }, (_, i) => i);
  return {
    types: ['Timeout', 'PBKDF2REQUEST'],
    track: [...index.map(() => TRACK_CODE.loop), TRACK_CODE.pool, TRACK_CODE.pool],
    lane: [...index.map(() => 0), 0, 1],
    submitMs: [...index.map((i) => i * 0.02), 0, 0],
    startMs: [...index.map((i) => i * 0.02), 0, 100],
    endMs: [...index.map((i) => i * 0.02 + 0.01), 100, 300],
    type: [...index.map(() => 0), 1, 1],
    task: [...index.map((i) => i % 100), 7, 7],
    merged: 0,
  };
}

const view = (data: RuntimeTrackData, selectedSlots: number[] = []) => ({
  widthPx: 1096 + 16,
  heightPx: 100,
  pixelRatio: 1,
  scale: createTimeScale(0, Math.max(300, data.count * 0.02), 96, 1000),
  theme: testTheme,
  kindOfTask: () => 0,
  hoveredSlot: -1,
  selectedSlots,
});

describe('runtime tracks', () => {
  it('draw a million loop slices with one rectangle per run of pixel columns, not per slice', () => {
    const data = new RuntimeTrackData();
    data.appendSlices(slices(1_000_000));
    const { ctx, count } = recordingContext();
    drawRuntimeTracks(ctx, data, data.rows(), view(data));
    expect(data.rows().map((row) => [row.track, row.lane, row.count])).toEqual([
      [TRACK_CODE.loop, 0, 1_000_000],
      [TRACK_CODE.pool, 0, 1],
      [TRACK_CODE.pool, 1, 1],
    ]);
    expect(count('fillRect')).toBeLessThan(5_000);
  });

  it('find the slice under the pointer, and sum up what served a task in words', () => {
    const data = new RuntimeTrackData();
    data.appendSlices(slices(1_000));
    const rows = data.rows();
    const { scale } = view(data);
    // Row 2 is pool thread 2 (4 px padding, 16 px rows); its request runs 100..300 ms.
    expect(sliceAt(data, rows, scale, scale.msToPx(200), 4 + 2 * 16 + 8)).toBe(1_001);
    expect(sliceAt(data, rows, scale, scale.msToPx(50), 4 + 2 * 16 + 8)).toBe(-1);
    expect(summarySentence(data.summarize(7))).toBe('10 callbacks on the loop, 100 µs in all; waited 100 ms for a pool thread over 2 requests, ran 300 ms there');
    expect(summarySentence(data.summarize(5_000))).toBeNull();
  });

  it('outline every slice of the selected task', () => {
    const data = new RuntimeTrackData();
    data.appendSlices(slices(1_000));
    const { ctx, count } = recordingContext();
    drawRuntimeTracks(ctx, data, data.rows(), view(data, data.slotsOfTask(7)));
    expect(count('strokeRect')).toBe(12);
  });
});
