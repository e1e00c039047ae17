import type { TimelineData } from '../data/timeline-data';
import { taskAt } from '../hit/task-at';
import type { RangeSelection } from '../state/range-selection.svelte';
import type { TimelineViewState } from '../state/timeline-view-state.svelte';
import { PointerGestures, type GestureResult } from './pointer-gestures';
import { keyCommand, type TimelineCommand } from './timeline-commands';

/** What the routing needs of the timeline it serves; read afresh at each event. */
export interface TimelineInputTarget {
  readonly canvas: HTMLCanvasElement | undefined;
  readonly data: TimelineData;
  readonly viewState: TimelineViewState;
  readonly range: RangeSelection;
  /** Applies a zoom, pan or deselect. */
  run(command: TimelineCommand): void;
  /** Selects the task in `slot` (-1: none). */
  select(slot: number): void;
}

/**
 * The timeline canvas's pointer and keyboard routing: a press and drag pans (or, with shift, picks a time
 * range), a hover shows the task under the pointer, a click selects it, keys zoom and pan. The component only
 * binds these handlers to its canvas.
 */
export class TimelineInput {
  /** True while a drag pans the view (the canvas shows a grabbing hand and no tooltip). */
  dragging = $state(false);
  readonly #gestures = new PointerGestures();
  readonly #target: TimelineInputTarget;

  constructor(target: TimelineInputTarget) {
    this.#target = target;
  }

  readonly onpointerdown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    const { canvas, viewState, range } = this.#target;
    canvas!.setPointerCapture(event.pointerId);
    if (event.shiftKey) {
      viewState.hover(-1, null);
      range.begin(this.#timeAt(event));
      return;
    }
    this.#handle(this.#gestures.down(this.#pointerInput(event)));
  };

  readonly onpointermove = (event: PointerEvent): void => {
    const { range } = this.#target;
    if (range.dragging) range.extend(this.#timeAt(event));
    else this.#handle(this.#gestures.move(this.#pointerInput(event)));
  };

  readonly onpointerup = (event: PointerEvent): void => {
    const { range } = this.#target;
    if (range.dragging) {
      range.finish();
      return;
    }
    this.#handle(this.#gestures.up(this.#pointerInput(event)));
    if (!this.#gestures.active) this.dragging = false;
  };

  readonly onpointercancel = (event: PointerEvent): void => {
    this.#gestures.cancel(this.#pointerInput(event));
    if (!this.#gestures.active) this.dragging = false;
  };

  readonly onpointerleave = (): void => {
    if (!this.#gestures.active) this.#target.viewState.hover(-1, null);
  };

  readonly onkeydown = (event: KeyboardEvent): void => {
    const { range, viewState } = this.#target;
    if (event.key === 'Escape' && range.range !== null) {
      // Only the selection: Escape must not also cancel a run while a range is shown.
      event.preventDefault();
      event.stopPropagation();
      range.clear();
      return;
    }
    const command = keyCommand(event, viewState.layout.rowHeightPx);
    if (!command) return;
    event.preventDefault();
    this.#target.run(command);
  };

  #pointerInput(event: PointerEvent) {
    const box = this.#target.canvas!.getBoundingClientRect();
    return { pointerId: event.pointerId, xPx: event.clientX - box.left, yPx: event.clientY - box.top };
  }

  /** The run time under the pointer, within the run. */
  #timeAt(event: PointerEvent): number {
    const { xPx } = this.#pointerInput(event);
    const { viewState } = this.#target;
    return Math.max(0, Math.min(viewState.bounds.endMs, viewState.scale.pxToMs(xPx)));
  }

  #handle(result: GestureResult): void {
    const { data, viewState } = this.#target;
    if (result.type === 'command') {
      this.dragging = true;
      viewState.hover(-1, null);
      this.#target.run(result.command);
    } else if (result.type === 'hover') {
      viewState.hover(taskAt(data, viewState, result.point.xPx, result.point.yPx), result.point);
    } else if (result.type === 'click') {
      this.#target.select(taskAt(data, viewState, result.point.xPx, result.point.yPx));
    }
  }
}
