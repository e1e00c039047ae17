import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE_PX,
  MIN_WINDOW_SIZE_PX,
  placeWindow,
  readWindowState,
  writeWindowState,
} from '../../../electron/main/window/window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('placeWindow', () => {
  it('opens a first window at the default size, centred (no position)', () => {
    expect(placeWindow(null, [laptop])).toEqual({ bounds: DEFAULT_WINDOW_SIZE_PX, maximized: false });
  });

  it('restores size, position and maximised state onto a display that is still there', () => {
    const saved = { x: 2200, y: 100, width: 1400, height: 900, maximized: true };
    expect(placeWindow(saved, [laptop, rightMonitor])).toEqual({
      bounds: { x: 2200, y: 100, width: 1400, height: 900 },
      maximized: true,
    });
  });

  it('centres the window on the primary display when its display is gone', () => {
    const saved = { x: 2200, y: 100, width: 1400, height: 900, maximized: false };
    expect(placeWindow(saved, [laptop])).toEqual({ bounds: { width: 1400, height: 900 }, maximized: false });
  });

  it('does not keep a position where too little of the window would show', () => {
    const barelyVisible = { x: 1900, y: 500, width: 1000, height: 700, maximized: false };
    expect(placeWindow(barelyVisible, [laptop]).bounds).not.toHaveProperty('x');
    const aboveTheScreen = { x: 100, y: -690, width: 1000, height: 700, maximized: false };
    expect(placeWindow(aboveTheScreen, [laptop]).bounds).not.toHaveProperty('y');
  });

  it('pulls a partly visible window fully onto its display and shrinks it to fit', () => {
    const saved = { x: 1500, y: 600, width: 2400, height: 1200, maximized: false };
    expect(placeWindow(saved, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
    const offRight = { x: 1700, y: 200, width: 1000, height: 700, maximized: false };
    expect(placeWindow(offRight, [laptop]).bounds).toEqual({ x: 920, y: 200, width: 1000, height: 700 });
  });

  it('never restores a window smaller than the minimum', () => {
    const tiny = { x: 10, y: 10, width: 50, height: 20, maximized: false };
    expect(placeWindow(tiny, [laptop]).bounds).toMatchObject(MIN_WINDOW_SIZE_PX);
  });
});

describe('window-state.json', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'window-state-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips and leaves no temporary file behind', () => {
    const file = path.join(dir, 'window-state.json');
    const state = { x: -200, y: 40, width: 1300, height: 820, maximized: true };
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
    expect(readdirSync(dir)).toEqual(['window-state.json']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
  });

  it('reads a missing, corrupt or wrongly shaped file as no state', () => {
    const file = path.join(dir, 'window-state.json');
    expect(readWindowState(file)).toBeNull();
    writeFileSync(file, '{"x": 1, "y"');
    expect(readWindowState(file)).toBeNull();
    writeFileSync(file, JSON.stringify({ x: 1, y: 2, width: 'wide', height: 3, maximized: false }));
    expect(readWindowState(file)).toBeNull();
  });

  it('refuses to write a state that is not one', () => {
    const file = path.join(dir, 'window-state.json');
    expect(() => writeWindowState(file, { x: 0.5, y: 0, width: 10, height: 10, maximized: false })).toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});
