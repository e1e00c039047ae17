import type { TimelineViewState } from '../state/timeline-view-state.svelte';

/** What a key, a wheel turn or a gesture asks the view to do. */
export type TimelineCommand =
  | { readonly type: 'zoom'; readonly factor: number; readonly xPx?: number }
  | { readonly type: 'pan'; readonly fraction: number }
  | { readonly type: 'drag'; readonly dxPx: number; readonly dyPx: number }
  | { readonly type: 'scroll'; readonly dyPx: number }
  | { readonly type: 'fit' }
  | { readonly type: 'deselect' };

/** One press of + or - zooms by this much. */
export const KEY_ZOOM_FACTOR = 1.5;
/** One press of an arrow key pans by this share of the window. */
export const KEY_PAN_FRACTION = 0.1;
/** Pixels of wheel delta per line, for wheels that report lines. */
const LINE_HEIGHT_PX = 16;
/** Zoom per pixel of wheel delta: a mouse notch (100 px) is about 1.2x, a pinch step far less. */
const WHEEL_ZOOM_PER_PX = 0.002;
const PINCH_ZOOM_PER_PX = 0.01;

export interface KeyInput {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/** The command for a key pressed on the focused canvas, or null to leave the key alone. */
export function keyCommand(event: KeyInput, rowHeightPx: number): TimelineCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case '+':
    case '=':
      return { type: 'zoom', factor: KEY_ZOOM_FACTOR };
    case '-':
    case '_':
      return { type: 'zoom', factor: 1 / KEY_ZOOM_FACTOR };
    case 'ArrowLeft':
      return { type: 'pan', fraction: -KEY_PAN_FRACTION };
    case 'ArrowRight':
      return { type: 'pan', fraction: KEY_PAN_FRACTION };
    case 'ArrowUp':
      return { type: 'scroll', dyPx: -rowHeightPx };
    case 'ArrowDown':
      return { type: 'scroll', dyPx: rowHeightPx };
    case '0':
    case 'Home':
    case 'f':
      return { type: 'fit' };
    case 'Escape':
      return { type: 'deselect' };
    default:
      return null;
  }
}

export interface WheelInput {
  readonly deltaX: number;
  readonly deltaY: number;
  /** 0 pixels, 1 lines, 2 pages. */
  readonly deltaMode: number;
  readonly ctrlKey: boolean;
  readonly shiftKey: boolean;
}

/**
 * The wheel zooms around the pointer; a trackpad pinch (which browsers send as ctrl+wheel) zooms finer;
 * a sideways swipe pans; shift+wheel scrolls the lanes.
 */
export function wheelCommand(event: WheelInput, xPx: number, viewWidthPx: number): TimelineCommand {
  const unit = event.deltaMode === 1 ? LINE_HEIGHT_PX : event.deltaMode === 2 ? viewWidthPx : 1;
  const dx = event.deltaX * unit;
  const dy = event.deltaY * unit;
  if (event.ctrlKey) return { type: 'zoom', factor: Math.exp(-dy * PINCH_ZOOM_PER_PX), xPx };
  if (event.shiftKey) return { type: 'scroll', dyPx: dy };
  if (Math.abs(dx) > Math.abs(dy)) return { type: 'drag', dxPx: -dx, dyPx: 0 };
  return { type: 'zoom', factor: Math.exp(-dy * WHEEL_ZOOM_PER_PX), xPx };
}

/** Applies a command to the view; `deselect` is the caller's, since selection is reported outward. */
export function applyCommand(state: TimelineViewState, command: TimelineCommand): void {
  switch (command.type) {
    case 'zoom':
      if (command.xPx === undefined) state.zoomBy(command.factor);
      else state.zoomAtPx(command.factor, command.xPx);
      return;
    case 'pan':
      state.panByFraction(command.fraction);
      return;
    case 'drag':
      state.dragBy(command.dxPx, command.dyPx);
      return;
    case 'scroll':
      state.scrollLanesBy(command.dyPx);
      return;
    case 'fit':
      state.fit();
      return;
    case 'deselect':
      return;
  }
}
