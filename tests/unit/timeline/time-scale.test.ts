import { describe, expect, it } from 'vitest';
import { createTimeScale } from '../../../renderer/timeline/scale/time-scale';
import { formatMs, formatTimestamp, tickFormatter } from '../../../renderer/timeline/scale/format-time';
import { tickStepMs, timeTicks } from '../../../renderer/timeline/scale/time-ticks';

describe('createTimeScale', () => {
  it('maps the window onto the plot area and back', () => {
    const scale = createTimeScale(100, 300, 50, 1000);
    expect(scale.pxPerMs).toBe(5);
    expect(scale.msToPx(100)).toBe(50);
    expect(scale.msToPx(300)).toBe(1050);
    expect(scale.pxToMs(550)).toBe(200);
    expect(scale.pxToMs(scale.msToPx(123.456))).toBeCloseTo(123.456, 9);
  });

  it('refuses an empty window', () => {
    expect(() => createTimeScale(5, 5, 0, 100)).toThrow('time window: end (5) must be after start (5)');
  });
});

describe('time ticks', () => {
  it('picks round steps at least the minimum spacing apart', () => {
    expect(tickStepMs(1, 90)).toBe(100);
    expect(tickStepMs(0.1, 90)).toBe(1000);
    expect(tickStepMs(1000, 90)).toBe(0.1);
    expect(tickStepMs(3, 90)).toBe(50);
  });

  it('labels ticks with a unit that follows the step, and none before the run starts', () => {
    const ticks = timeTicks(createTimeScale(-5, 1000, 0, 1000), 90);
    expect(ticks[0]).toMatchObject({ ms: 0, label: '0 ms' });
    expect(ticks.map((t) => t.label).slice(0, 3)).toEqual(['0 ms', '100 ms', '200 ms']);
    const fine = timeTicks(createTimeScale(10, 10.5, 0, 1000), 90);
    expect(fine.map((t) => t.label).slice(0, 2)).toEqual(['10.00 ms', '10.05 ms']);
    const micro = timeTicks(createTimeScale(0, 0.5, 0, 1000), 90);
    expect(micro.map((t) => t.label).slice(0, 2)).toEqual(['0 µs', '50 µs']);
    const coarse = timeTicks(createTimeScale(0, 60_000, 0, 1000), 90);
    expect(coarse.map((t) => t.label).slice(0, 2)).toEqual(['0 s', '10 s']);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.xPx - ticks[i - 1]!.xPx).toBeGreaterThanOrEqual(90);
  });
});

describe('formatMs', () => {
  it('writes durations with their unit and four significant digits', () => {
    expect(formatMs(0)).toBe('0 ms');
    expect(formatMs(0.85)).toBe('850 µs');
    expect(formatMs(12.3456)).toBe('12.35 ms');
    expect(formatMs(1204.4)).toBe('1.204 s');
    expect(formatMs(Infinity)).toBe('—');
    expect(formatTimestamp(4016.2531)).toBe('4016.253 ms');
    expect(formatTimestamp(Number.NaN)).toBe('—');
    expect(tickFormatter(500, 3000)(2500)).toBe('2500 ms');
    expect(tickFormatter(5000, 60_000)(25_000)).toBe('25 s');
  });
});
