import { describe, expect, it } from 'vitest';
import { createFrameScheduler } from '../../../renderer/timeline/input/frame-scheduler';
import { PointerGestures } from '../../../renderer/timeline/input/pointer-gestures';
import { KEY_ZOOM_FACTOR, applyCommand, keyCommand, wheelCommand } from '../../../renderer/timeline/input/timeline-commands';
import { TimelineViewState } from '../../../renderer/timeline/state/timeline-view-state.svelte';
import { timelineInputs } from './helpers/timeline-inputs.svelte';

const keys = { ctrlKey: false, metaKey: false, altKey: false };
const wheel = { deltaX: 0, deltaY: 0, deltaMode: 0, ctrlKey: false, shiftKey: false };

describe('createFrameScheduler', () => {
  it('draws once per frame however many times it is asked, and not after cancel', () => {
    const frames: (() => void)[] = [];
    let draws = 0;
    const scheduler = createFrameScheduler(() => draws++, { request: (cb) => frames.push(cb), cancel: (h) => frames.splice(h - 1, 1) });
    for (let i = 0; i < 100; i++) scheduler.request();
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(draws).toBe(1);
    scheduler.request();
    scheduler.cancel();
    expect(frames).toHaveLength(0);
    scheduler.request();
    expect(frames).toHaveLength(1);
  });
});

describe('keys and wheel', () => {
  it('maps + - arrows Home and Escape, and leaves shortcuts with modifiers alone', () => {
    expect(keyCommand({ ...keys, key: '+' }, 24)).toEqual({ type: 'zoom', factor: KEY_ZOOM_FACTOR });
    expect(keyCommand({ ...keys, key: '-' }, 24)).toEqual({ type: 'zoom', factor: 1 / KEY_ZOOM_FACTOR });
    expect(keyCommand({ ...keys, key: 'ArrowRight' }, 24)).toEqual({ type: 'pan', fraction: 0.1 });
    expect(keyCommand({ ...keys, key: 'ArrowDown' }, 24)).toEqual({ type: 'scroll', dyPx: 24 });
    expect(keyCommand({ ...keys, key: 'Home' }, 24)).toEqual({ type: 'fit' });
    expect(keyCommand({ ...keys, key: 'Escape' }, 24)).toEqual({ type: 'deselect' });
    expect(keyCommand({ ...keys, key: '+', ctrlKey: true }, 24)).toBeNull();
    expect(keyCommand({ ...keys, key: 'a' }, 24)).toBeNull();
  });

  it('zooms with the wheel and a pinch, pans with a sideways swipe, scrolls lanes with shift', () => {
    const zoomIn = wheelCommand({ ...wheel, deltaY: -100 }, 300, 1000);
    expect(zoomIn).toMatchObject({ type: 'zoom', xPx: 300 });
    expect((zoomIn as { factor: number }).factor).toBeGreaterThan(1);
    const lines = wheelCommand({ ...wheel, deltaY: 3, deltaMode: 1 }, 300, 1000) as { factor: number };
    expect(lines.factor).toBeCloseTo(Math.exp(-48 * 0.002), 9);
    const pinch = wheelCommand({ ...wheel, deltaY: -10, ctrlKey: true }, 300, 1000) as { factor: number };
    expect(pinch.factor).toBeCloseTo(Math.exp(0.1), 9);
    expect(wheelCommand({ ...wheel, deltaX: 40, deltaY: 5 }, 300, 1000)).toEqual({ type: 'drag', dxPx: -40, dyPx: 0 });
    expect(wheelCommand({ ...wheel, deltaY: 50, shiftKey: true }, 300, 1000)).toEqual({ type: 'scroll', dyPx: 50 });
  });

  it('applies commands to the view state', () => {
    const state = new TimelineViewState(timelineInputs({ widthPx: 1112, heightPx: 400, extentMs: 1000, laneCount: 2 }));
    const span = () => state.window.endMs - state.window.startMs;
    const full = span();
    applyCommand(state, { type: 'zoom', factor: 2 });
    expect(span()).toBeCloseTo(full / 2, 6);
    const start = state.window.startMs;
    applyCommand(state, { type: 'pan', fraction: 0.1 });
    expect(state.window.startMs).toBeCloseTo(start + span() * 0.1, 6);
    applyCommand(state, { type: 'fit' });
    expect(span()).toBeCloseTo(full, 6);
  });
});

describe('PointerGestures', () => {
  const at = (pointerId: number, xPx: number, yPx = 50) => ({ pointerId, xPx, yPx });

  it('tells a click from a drag', () => {
    const gestures = new PointerGestures();
    gestures.down(at(1, 100));
    expect(gestures.move(at(1, 102))).toEqual({ type: 'none' });
    expect(gestures.up(at(1, 102))).toEqual({ type: 'click', point: at(1, 102) });
    gestures.down(at(1, 100));
    gestures.move(at(1, 103));
    expect(gestures.move(at(1, 120, 40))).toEqual({ type: 'command', command: { type: 'drag', dxPx: 17, dyPx: -10 } });
    expect(gestures.up(at(1, 120))).toEqual({ type: 'none' });
    expect(gestures.move(at(1, 130))).toEqual({ type: 'hover', point: at(1, 130) });
  });

  it('pinch-zooms around the midpoint of two pointers, and lifting one finger is no click', () => {
    const gestures = new PointerGestures();
    gestures.down(at(1, 100));
    gestures.down(at(2, 200));
    expect(gestures.move(at(2, 300))).toEqual({ type: 'command', command: { type: 'zoom', factor: 2, xPx: 200 } });
    expect(gestures.up(at(2, 300))).toEqual({ type: 'none' });
    expect(gestures.up(at(1, 100))).toEqual({ type: 'none' });
    expect(gestures.active).toBe(false);
  });
});
