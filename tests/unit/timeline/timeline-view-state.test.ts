import { describe, expect, it } from 'vitest';
import { TimelineViewState } from '../../../renderer/timeline/state/timeline-view-state.svelte';
import { MIN_WINDOW_MS, fitWindow } from '../../../renderer/timeline/state/view-window';
import { testTheme } from './helpers/test-theme';
import { timelineInputs, type WritableInputs } from './helpers/timeline-inputs.svelte';

let inputs: WritableInputs;

/** A view state over inputs the test changes as the component's props would change. */
function sized(lanes = 4, extentMs = 1000): TimelineViewState {
  inputs = timelineInputs({ widthPx: 1112, heightPx: 400, pixelRatio: 2, extentMs, laneCount: lanes });
  return new TimelineViewState(inputs);
}

/** The run grew (or another one came): what `syncData` once pushed, the inputs now say. */
function grow(extentMs: number, laneCount: number): void {
  inputs.extentMs = extentMs;
  inputs.laneCount = laneCount;
}

describe('TimelineViewState', () => {
  it('starts fitted and follows the run as it grows, until the user zooms', () => {
    const state = sized();
    expect(state.window).toEqual(fitWindow(1000));
    grow(2000, 4);
    expect(state.window).toEqual(fitWindow(2000));
    state.zoomBy(2);
    expect(state.following).toBe(false);
    const zoomed = state.window;
    grow(3000, 4);
    expect(state.window).toEqual(zoomed);
    state.fit();
    expect(state.following).toBe(true);
    expect(state.window).toEqual(fitWindow(3000));
  });

  it('zooms around the pointer and pans with a drag, inside the run', () => {
    const state = sized();
    const x = state.scale.msToPx(250);
    state.zoomAtPx(5, x);
    expect(state.scale.msToPx(250)).toBeCloseTo(x, 6);
    expect(state.window.endMs - state.window.startMs).toBeCloseTo((fitWindow(1000).endMs - fitWindow(1000).startMs) / 5, 6);
    const before = state.window.startMs;
    state.dragBy(100, 0);
    expect(state.window.startMs).toBeCloseTo(before - 100 / state.scale.pxPerMs, 6);
    state.dragBy(1e9, 0);
    expect(state.window.startMs).toBe(state.bounds.startMs);
    state.panByFraction(1e6);
    expect(state.window.endMs).toBeCloseTo(state.bounds.endMs, 6);
  });

  it('clamps zoom to a microsecond in and the whole run out', () => {
    const state = sized();
    for (let i = 0; i < 50; i++) state.zoomBy(10);
    expect(state.window.endMs - state.window.startMs).toBeCloseTo(MIN_WINDOW_MS, 9);
    for (let i = 0; i < 50; i++) state.zoomAtPx(0.1, -500);
    expect(state.window).toEqual(state.bounds);
  });

  it('scrolls lanes only when they do not fit, never past the last lane', () => {
    const few = sized(4);
    few.scrollLanesBy(500);
    expect(few.scrollTopPx).toBe(0);
    const many = sized(500);
    many.scrollLanesBy(100);
    expect(many.scrollTopPx).toBe(100);
    many.dragBy(0, -1e6);
    expect(many.scrollTopPx).toBe(many.layout.maxScrollTopPx);
    grow(1000, 10);
    expect(many.scrollTopPx).toBe(0);
    many.scrollLanesBy(Number.NaN);
    expect(many.scrollTopPx).toBe(0);
  });

  it('hands drawing a snapshot of what is hovered and selected', () => {
    const state = sized();
    state.hover(7, { xPx: 10, yPx: 20 });
    inputs.selectedSlot = 3;
    const view = state.view(testTheme, (lane) => `slot ${lane}`);
    expect(view).toMatchObject({ hoveredSlot: 7, selectedSlot: 3, pixelRatio: 2, scrollTopPx: 0 });
    expect(view.laneLabel(2)).toBe('slot 2');
    expect(state.pointer).toEqual({ xPx: 10, yPx: 20 });
    state.hover(-1, { xPx: 1, yPx: 1 });
    expect(state.pointer).toBeNull();
  });
});

describe('TimelineViewState.reveal', () => {
  it('moves nothing for a task in view, centres one off-screen, zooms out for a wide one, scrolls to its lane', () => {
    const state = sized(500, 1000);
    state.zoomAtPx(10, state.scale.msToPx(100));
    const window = state.window;
    state.reveal(window.startMs + 1, window.startMs + 2, 0);
    expect(state.window).toEqual(window);
    expect(state.scrollTopPx).toBe(0);
    state.reveal(800, 810, 0);
    expect((state.window.startMs + state.window.endMs) / 2).toBeCloseTo(805, 6);
    state.reveal(0, 900, 0);
    expect(state.window.startMs).toBeLessThanOrEqual(0);
    expect(state.window.endMs).toBeGreaterThanOrEqual(900);
    state.reveal(10, 20, 300);
    const { rowHeightPx, lanesHeightPx } = state.layout;
    expect(state.scrollTopPx).toBe(301 * rowHeightPx - lanesHeightPx);
    state.reveal(10, 20, 2);
    expect(state.scrollTopPx).toBe(2 * rowHeightPx);
  });
});

describe('TimelineViewState.showRange', () => {
  it('shows the range asked for, clamped to the run, and ignores an empty one', () => {
    const state = sized(4, 1000);
    state.showRange(200, 300);
    expect(state.window).toEqual({ startMs: 200, endMs: 300 });
    expect(state.following).toBe(false);
    state.showRange(900, 5000);
    expect(state.window.endMs).toBeCloseTo(state.bounds.endMs, 9);
    const before = state.window;
    state.showRange(10, 10);
    expect(state.window).toEqual(before);
  });
});

describe('TimelineViewState.reset', () => {
  it('lets go of the hovered task (and its tooltip) on every zoom, pan or lane scroll, but not as a live run grows', () => {
    const state = sized(40);
    const moves: ((s: TimelineViewState) => void)[] = [
      (s) => s.zoomBy(2),
      (s) => s.zoomAtPx(1.5, 300),
      (s) => s.panByFraction(0.1),
      (s) => s.dragBy(5, 0),
      (s) => s.scrollLanesBy(10),
      (s) => s.showRange(10, 20),
      (s) => s.fit(),
    ];
    for (const move of moves) {
      state.hover(2, { xPx: 200, yPx: 50 });
      move(state);
      expect(state).toMatchObject({ hoveredSlot: -1, pointer: null });
    }
    state.hover(2, { xPx: 200, yPx: 50 });
    grow(2000, 40);
    expect(state.hoveredSlot).toBe(2);
  });

  it('forgets the previous run: fitted, following, scrolled to the top, nothing hovered or selected', () => {
    const state = sized(500, 1000);
    state.zoomBy(8);
    state.scrollLanesBy(300);
    state.hover(4, { xPx: 1, yPx: 1 });
    state.reset();
    grow(50, 2);
    expect(state.following).toBe(true);
    expect(state.window).toEqual(fitWindow(50));
    expect(state).toMatchObject({ scrollTopPx: 0, hoveredSlot: -1, pointer: null });
  });
});
