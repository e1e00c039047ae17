import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MIN_WINDOW_MS,
  clampWindow,
  fitWindow,
  panWindow,
  zoomWindow,
  type TimeWindow,
} from '../../../renderer/timeline/state/view-window';

const bounds = fitWindow(1000);

describe('view window math', () => {
  it('fits the whole run with a little room, and a 1 ms window for an empty one', () => {
    expect(bounds.startMs).toBeLessThan(0);
    expect(bounds.endMs).toBeGreaterThan(1000);
    expect(bounds.endMs - bounds.startMs).toBeLessThan(1050);
    const empty = fitWindow(0);
    expect(empty.endMs - empty.startMs).toBeGreaterThanOrEqual(1);
    expect(fitWindow(Number.NaN)).toEqual(empty);
  });

  it('zooms around the anchor, keeping it at the same place on screen', () => {
    const window = { startMs: 0, endMs: 1000 };
    const zoomed = zoomWindow(window, 4, 250, bounds);
    expect(zoomed.endMs - zoomed.startMs).toBeCloseTo(250, 9);
    expect((250 - zoomed.startMs) / (zoomed.endMs - zoomed.startMs)).toBeCloseTo(0.25, 9);
  });

  it('stops zooming in at a microsecond and zooming out at the whole run', () => {
    let window: TimeWindow = bounds;
    for (let i = 0; i < 100; i++) window = zoomWindow(window, 10, 500, bounds);
    expect(window.endMs - window.startMs).toBeCloseTo(MIN_WINDOW_MS, 12);
    for (let i = 0; i < 100; i++) window = zoomWindow(window, 0.1, 500, bounds);
    expect(window).toEqual(bounds);
    expect(zoomWindow(window, Number.NaN, 500, bounds)).toBe(window);
  });

  it('pans until an edge of the run and no further', () => {
    const window = { startMs: 100, endMs: 200 };
    expect(panWindow(window, 50, bounds)).toEqual({ startMs: 150, endMs: 250 });
    expect(panWindow(window, -1e9, bounds)).toEqual({ startMs: bounds.startMs, endMs: bounds.startMs + 100 });
    expect(panWindow(window, 1e9, bounds).endMs).toBeCloseTo(bounds.endMs, 9);
    expect(panWindow(window, Infinity, bounds)).toBe(window);
  });

  it('keeps any sequence of zooms and pans inside the run and at least a microsecond wide', () => {
    const step = fc.oneof(
      fc.record({ zoom: fc.double({ min: 0.01, max: 100, noNaN: true }), anchor: fc.double({ min: -2000, max: 3000, noNaN: true }) }),
      fc.record({ pan: fc.double({ min: -1e6, max: 1e6, noNaN: true }) }),
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.array(step, { maxLength: 30 }), (extent, steps) => {
        const limits = fitWindow(extent);
        let window: TimeWindow = limits;
        for (const s of steps) {
          window = 'zoom' in s ? zoomWindow(window, s.zoom, s.anchor, limits) : panWindow(window, s.pan, limits);
        }
        const span = window.endMs - window.startMs;
        const tolerance = 1e-9 * (limits.endMs - limits.startMs);
        expect(span).toBeGreaterThanOrEqual(MIN_WINDOW_MS - tolerance);
        expect(window.startMs).toBeGreaterThanOrEqual(limits.startMs - tolerance);
        expect(window.endMs).toBeLessThanOrEqual(limits.endMs + tolerance);
        expect(clampWindow(window, limits).startMs).toBeCloseTo(window.startMs, 6);
      }),
    );
  });
});
