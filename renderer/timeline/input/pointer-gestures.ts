import type { CanvasPoint } from '../state/timeline-view-state.svelte';
import type { TimelineCommand } from './timeline-commands';

/** A press that moves less than this is a click, not a drag. */
export const DRAG_THRESHOLD_PX = 4;

export interface PointerInput extends CanvasPoint {
  readonly pointerId: number;
}

/** What a pointer event amounts to. */
export type GestureResult =
  | { readonly type: 'command'; readonly command: TimelineCommand }
  | { readonly type: 'hover'; readonly point: CanvasPoint }
  | { readonly type: 'click'; readonly point: CanvasPoint }
  | { readonly type: 'none' };

/**
 * Turns pointer events into commands: one pointer drags (pans time and scrolls lanes) or clicks, two
 * pointers pinch-zoom around their midpoint, a pointer with no button down hovers.
 */
export class PointerGestures {
  readonly #down = new Map<number, CanvasPoint>();
  #travelPx = 0;

  get active(): boolean {
    return this.#down.size > 0;
  }

  down(event: PointerInput): GestureResult {
    this.#down.set(event.pointerId, event);
    if (this.#down.size === 1) this.#travelPx = 0;
    return { type: 'none' };
  }

  move(event: PointerInput): GestureResult {
    const previous = this.#down.get(event.pointerId);
    if (!previous) return { type: 'hover', point: event };
    if (this.#down.size >= 2) return this.#pinch(event);
    this.#down.set(event.pointerId, event);
    const dxPx = event.xPx - previous.xPx;
    const dyPx = event.yPx - previous.yPx;
    this.#travelPx += Math.hypot(dxPx, dyPx);
    if (this.#travelPx < DRAG_THRESHOLD_PX) return { type: 'none' };
    return { type: 'command', command: { type: 'drag', dxPx, dyPx } };
  }

  up(event: PointerInput): GestureResult {
    const wasOnly = this.#down.size === 1 && this.#down.has(event.pointerId);
    this.#down.delete(event.pointerId);
    // Lifting one finger of a pinch must not become a click or a jump.
    if (this.#down.size > 0) this.#travelPx = DRAG_THRESHOLD_PX;
    return wasOnly && this.#travelPx < DRAG_THRESHOLD_PX ? { type: 'click', point: event } : { type: 'none' };
  }

  cancel(event: PointerInput): void {
    this.#down.delete(event.pointerId);
  }

  #pinch(event: PointerInput): GestureResult {
    const others = [...this.#down.entries()].filter(([id]) => id !== event.pointerId);
    const other = others[0]?.[1];
    const previous = this.#down.get(event.pointerId)!;
    this.#down.set(event.pointerId, event);
    this.#travelPx = DRAG_THRESHOLD_PX;
    if (!other) return { type: 'none' };
    const before = Math.abs(previous.xPx - other.xPx);
    const after = Math.abs(event.xPx - other.xPx);
    if (before < 1 || after < 1) return { type: 'none' };
    return { type: 'command', command: { type: 'zoom', factor: after / before, xPx: (event.xPx + other.xPx) / 2 } };
  }
}
