import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/** A rectangle in screen pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_SIZE_PX = { width: 1280, height: 800 };
export const MIN_WINDOW_SIZE_PX = { width: 800, height: 560 };
/** How much of a restored window must lie on a display for its position to be kept (a grabbable title bar). */
const MIN_VISIBLE_PX = { width: 120, height: 40 };

/** The window's size and place as remembered in `window-state.json` (the bounds it has when not maximised). */
export const WindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  maximized: z.boolean(),
});
export type WindowState = z.output<typeof WindowStateSchema>;

/** Where to open the window: a position only when it is on a visible display (else the window is centred). */
export interface WindowPlacement {
  bounds: { width: number; height: number; x?: number; y?: number };
  maximized: boolean;
}

/**
 * Places a remembered window onto the displays there are now (their work areas, the primary first): a
 * window whose display is gone or that hangs off-screen is centred on the primary display instead, and no
 * window is larger than its display or smaller than the minimum.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): WindowPlacement {
  const primary = workAreas[0];
  if (saved === null || primary === undefined) return { bounds: fit(DEFAULT_WINDOW_SIZE_PX, primary), maximized: false };
  const home = workAreas
    .map((area) => ({ area, overlap: intersection(saved, area) }))
    .filter(({ overlap }) => overlap.width >= MIN_VISIBLE_PX.width && overlap.height >= MIN_VISIBLE_PX.height)
    .sort((a, b) => b.overlap.width * b.overlap.height - a.overlap.width * a.overlap.height)[0];
  if (home === undefined) return { bounds: fit(saved, primary), maximized: saved.maximized };
  const size = fit(saved, home.area);
  const x = clamp(saved.x, home.area.x, home.area.x + home.area.width - size.width);
  const y = clamp(saved.y, home.area.y, home.area.y + home.area.height - size.height);
  return { bounds: { ...size, x, y }, maximized: saved.maximized };
}

/** The remembered state, or null when there is none or it cannot be used (a bad file is not an error). */
export function readWindowState(file: string): WindowState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Writes the state whole (through a temporary file), so that a crash never leaves half a file. Synchronous:
 * it is a few bytes, and the last write happens while the window closes, when nothing may be left pending.
 */
export function writeWindowState(file: string, state: WindowState): void {
  const staged = `${file}.${process.pid}.tmp`;
  writeFileSync(staged, `${JSON.stringify(WindowStateSchema.parse(state), null, 2)}\n`);
  renameSync(staged, file);
}

function fit(size: { width: number; height: number }, area: Rect | undefined): { width: number; height: number } {
  const maxWidth = area?.width ?? size.width;
  const maxHeight = area?.height ?? size.height;
  return {
    width: Math.round(clamp(size.width, Math.min(MIN_WINDOW_SIZE_PX.width, maxWidth), maxWidth)),
    height: Math.round(clamp(size.height, Math.min(MIN_WINDOW_SIZE_PX.height, maxHeight), maxHeight)),
  };
}

function intersection(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}
