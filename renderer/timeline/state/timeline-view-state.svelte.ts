import { computeLayout, type TimelineLayout } from '../layout/timeline-layout';
import type { TimelineView } from '../render/timeline-view';
import { createTimeScale, type TimeScale } from '../scale/time-scale';
import type { TimelineTheme } from '../theme/timeline-theme';
import { clampWindow, fitWindow, panWindow, zoomWindow, type TimeWindow } from './view-window';

/** A pointer position on the canvas (CSS px). */
export interface CanvasPoint {
  readonly xPx: number;
  readonly yPx: number;
}

/**
 * What the timeline is shown on and of, read from the component's props: the canvas size, how far the run
 * has got and its lanes, the selected task. Read through getters, so that the view state derives from them.
 */
export interface TimelineInputs {
  readonly widthPx: number;
  readonly heightPx: number;
  readonly pixelRatio: number;
  /** How far the run has got (ms), or further when stacked timelines share a longer run's axis. */
  readonly extentMs: number;
  readonly laneCount: number;
  /** Slot of the selected task or -1. */
  readonly selectedSlot: number;
}

/**
 * What the user looks at: the visible time window, lane scroll and hovered task, over the layout that the
 * inputs imply. Data flows one way: size, extent, lanes and selection are derived from the inputs, and only
 * what the user did (zoom, pan, scroll, hover) is state of its own. The window follows the run's growing
 * extent until the user zooms or pans, and again after `fit()`. Everything is clamped as it is read, so no
 * sequence of calls or inputs shows anything outside the run.
 */
export class TimelineViewState {
  readonly #inputs: TimelineInputs;
  /** The window the user chose, or null while it follows the whole run. */
  #chosenWindow = $state.raw<TimeWindow | null>(null);
  #scrollRequestPx = $state(0);
  #hoveredSlot = $state(-1);
  #pointer = $state.raw<CanvasPoint | null>(null);

  #layout = $derived.by(() => {
    const { widthPx, heightPx, laneCount } = this.#inputs;
    return computeLayout(Math.max(0, widthPx), Math.max(0, heightPx), Math.max(0, laneCount));
  });
  #bounds = $derived.by(() => fitWindow(Math.max(0, this.#inputs.extentMs)));
  /** The last window shown: a window equal to it is not a change (the run grew, the clamp moved nothing). */
  #shownWindow: TimeWindow = fitWindow(0);
  #window = $derived.by(() => {
    const next = this.#chosenWindow === null ? this.#bounds : clampWindow(this.#chosenWindow, this.#bounds);
    const shown = this.#shownWindow;
    if (next.startMs === shown.startMs && next.endMs === shown.endMs) return shown;
    this.#shownWindow = next;
    return next;
  });
  #scale = $derived(createTimeScale(this.#window.startMs, this.#window.endMs, this.#layout.plotLeftPx, this.#layout.plotWidthPx));
  #scrollTopPx = $derived(clampScroll(this.#scrollRequestPx, this.#layout.maxScrollTopPx));

  constructor(inputs: TimelineInputs) {
    this.#inputs = inputs;
  }

  get layout(): TimelineLayout {
    return this.#layout;
  }
  get scale(): TimeScale {
    return this.#scale;
  }
  get window(): TimeWindow {
    return this.#window;
  }
  /** The furthest the window may go: the whole run with a little room. */
  get bounds(): TimeWindow {
    return this.#bounds;
  }
  /** True while the window tracks the whole run (until the user zooms or pans). */
  get following(): boolean {
    return this.#chosenWindow === null;
  }
  get scrollTopPx(): number {
    return this.#scrollTopPx;
  }
  get hoveredSlot(): number {
    return this.#hoveredSlot;
  }
  get selectedSlot(): number {
    return this.#inputs.selectedSlot;
  }
  /** Where the pointer is while it hovers a task (for the tooltip), else null. */
  get pointer(): CanvasPoint | null {
    return this.#pointer;
  }
  get pixelRatio(): number {
    const ratio = this.#inputs.pixelRatio;
    return ratio > 0 ? ratio : 1;
  }

  /** Zooms by `factor` (> 1 in) around canvas x `xPx`. */
  zoomAtPx(factor: number, xPx: number): void {
    const plotRight = this.#layout.plotLeftPx + this.#layout.plotWidthPx;
    const x = Math.min(plotRight, Math.max(this.#layout.plotLeftPx, xPx));
    this.#unhover();
    this.#choose(zoomWindow(this.#window, factor, this.#scale.pxToMs(x), this.bounds));
  }

  /** Shows exactly `startMs`..`endMs` (clamped to the run), e.g. a range picked elsewhere. */
  showRange(startMs: number, endMs: number): void {
    if (!(endMs > startMs)) return;
    this.#unhover();
    this.#choose(clampWindow({ startMs, endMs }, this.bounds));
  }

  /** Zooms by `factor` around the middle of the window (keyboard, buttons). */
  zoomBy(factor: number): void {
    this.zoomAtPx(factor, this.#layout.plotLeftPx + this.#layout.plotWidthPx / 2);
  }

  /** Moves the content with a drag: right by `dxPx`, down by `dyPx`. */
  dragBy(dxPx: number, dyPx: number): void {
    this.#unhover();
    if (dxPx !== 0) this.#choose(panWindow(this.#window, -dxPx / this.#scale.pxPerMs, this.bounds));
    if (dyPx !== 0) this.scrollLanesBy(-dyPx);
  }

  /** Moves the window by `fraction` of its width (later when positive). */
  panByFraction(fraction: number): void {
    const span = this.#window.endMs - this.#window.startMs;
    this.#unhover();
    this.#choose(panWindow(this.#window, fraction * span, this.bounds));
  }

  scrollLanesBy(dyPx: number): void {
    this.#unhover();
    if (Number.isFinite(dyPx)) this.#scrollRequestPx = this.#scrollTopPx + dyPx;
  }

  /**
   * Brings a task into view (chosen in the table, say): pans to centre it when it is off-screen, zooms out
   * when it is wider than the window, and scrolls its lane into the lane area. A visible task moves nothing.
   */
  reveal(startMs: number, endMs: number, lane: number): void {
    const window = this.#window;
    const span = window.endMs - window.startMs;
    const width = Math.max(0, endMs - startMs);
    if (width > span * 0.9) {
      this.#choose(clampWindow({ startMs: startMs - width * 0.1, endMs: endMs + width * 0.1 }, this.bounds));
    } else if (startMs < window.startMs || endMs > window.endMs) {
      const centre = (startMs + endMs) / 2;
      this.#choose(panWindow(window, centre - (window.startMs + span / 2), this.bounds));
    }
    const { rowHeightPx, lanesHeightPx } = this.#layout;
    const top = lane * rowHeightPx;
    if (top < this.#scrollTopPx) this.#scrollRequestPx = top;
    else if (top + rowHeightPx > this.#scrollTopPx + lanesHeightPx) this.#scrollRequestPx = top + rowHeightPx - lanesHeightPx;
  }

  /** Back to the start for another run: fitted and following, lanes at the top, nothing hovered. */
  reset(): void {
    this.#scrollRequestPx = 0;
    this.#hoveredSlot = -1;
    this.#pointer = null;
    this.fit();
  }

  /** Shows the whole run, and follows it again as it grows. */
  fit(): void {
    this.#unhover();
    this.#chosenWindow = null;
  }

  hover(slot: number, pointer: CanvasPoint | null): void {
    this.#hoveredSlot = slot;
    this.#pointer = slot >= 0 ? pointer : null;
  }

  /** The read-only snapshot a frame is drawn from. */
  view(theme: TimelineTheme, laneLabel: (lane: number) => string): TimelineView {
    return {
      layout: this.#layout,
      scale: this.#scale,
      pixelRatio: this.pixelRatio,
      scrollTopPx: this.#scrollTopPx,
      hoveredSlot: this.#hoveredSlot,
      selectedSlot: this.#inputs.selectedSlot,
      theme,
      laneLabel,
    };
  }

  /** The user chose this window: it stops following the run. */
  #choose(window: TimeWindow): void {
    const current = this.#chosenWindow;
    if (current === null || window.startMs !== current.startMs || window.endMs !== current.endMs) this.#chosenWindow = window;
  }

  /** The view moved under the pointer (zoom, pan, scroll): what was hovered is no longer there. */
  #unhover(): void {
    this.#hoveredSlot = -1;
    this.#pointer = null;
  }
}

function clampScroll(scrollTopPx: number, maxScrollTopPx: number): number {
  return Math.min(maxScrollTopPx, Math.max(0, scrollTopPx));
}
