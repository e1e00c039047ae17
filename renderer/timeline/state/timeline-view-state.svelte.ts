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
 * What the user looks at: canvas size, the visible time window, lane scroll, hovered and selected task.
 * It follows the run's growing extent until the user zooms or pans, and again after `fit()`.
 * Every change is clamped, so no sequence of calls leaves it outside the run.
 */
export class TimelineViewState {
  #widthPx = $state(0);
  #heightPx = $state(0);
  #pixelRatio = $state(1);
  #laneCount = $state(0);
  #extentMs = $state(0);
  #window = $state.raw<TimeWindow>(fitWindow(0));
  #following = $state(true);
  #scrollTopPx = $state(0);
  #hoveredSlot = $state(-1);
  #selectedSlot = $state(-1);
  #pointer = $state.raw<CanvasPoint | null>(null);

  #layout = $derived(computeLayout(this.#widthPx, this.#heightPx, this.#laneCount));
  #scale = $derived(createTimeScale(this.#window.startMs, this.#window.endMs, this.#layout.plotLeftPx, this.#layout.plotWidthPx));

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
    return fitWindow(this.#extentMs);
  }
  /** True while the window tracks the whole run (until the user zooms or pans). */
  get following(): boolean {
    return this.#following;
  }
  get scrollTopPx(): number {
    return this.#scrollTopPx;
  }
  get hoveredSlot(): number {
    return this.#hoveredSlot;
  }
  get selectedSlot(): number {
    return this.#selectedSlot;
  }
  /** Where the pointer is while it hovers a task (for the tooltip), else null. */
  get pointer(): CanvasPoint | null {
    return this.#pointer;
  }
  get pixelRatio(): number {
    return this.#pixelRatio;
  }

  resize(widthPx: number, heightPx: number, pixelRatio: number): void {
    this.#widthPx = Math.max(0, widthPx);
    this.#heightPx = Math.max(0, heightPx);
    this.#pixelRatio = pixelRatio > 0 ? pixelRatio : 1;
    this.#clampScroll();
  }

  /** Tells the state how far the run has got and how many lanes it has (after every data change). */
  syncData(extentMs: number, laneCount: number): void {
    this.#extentMs = Math.max(0, extentMs);
    this.#laneCount = Math.max(0, laneCount);
    this.#setWindow(this.#following ? this.bounds : clampWindow(this.#window, this.bounds), this.#following);
    this.#clampScroll();
  }

  /** Zooms by `factor` (> 1 in) around canvas x `xPx`. */
  zoomAtPx(factor: number, xPx: number): void {
    const plotRight = this.#layout.plotLeftPx + this.#layout.plotWidthPx;
    const x = Math.min(plotRight, Math.max(this.#layout.plotLeftPx, xPx));
    this.#unhover();
    this.#setWindow(zoomWindow(this.#window, factor, this.#scale.pxToMs(x), this.bounds), false);
  }

  /** Shows exactly `startMs`..`endMs` (clamped to the run), e.g. a range picked elsewhere. */
  showRange(startMs: number, endMs: number): void {
    if (!(endMs > startMs)) return;
    this.#unhover();
    this.#setWindow(clampWindow({ startMs, endMs }, this.bounds), false);
  }

  /** Zooms by `factor` around the middle of the window (keyboard, buttons). */
  zoomBy(factor: number): void {
    this.zoomAtPx(factor, this.#layout.plotLeftPx + this.#layout.plotWidthPx / 2);
  }

  /** Moves the content with a drag: right by `dxPx`, down by `dyPx`. */
  dragBy(dxPx: number, dyPx: number): void {
    this.#unhover();
    if (dxPx !== 0) this.#setWindow(panWindow(this.#window, -dxPx / this.#scale.pxPerMs, this.bounds), false);
    if (dyPx !== 0) this.scrollLanesBy(-dyPx);
  }

  /** Moves the window by `fraction` of its width (later when positive). */
  panByFraction(fraction: number): void {
    const span = this.#window.endMs - this.#window.startMs;
    this.#unhover();
    this.#setWindow(panWindow(this.#window, fraction * span, this.bounds), false);
  }

  scrollLanesBy(dyPx: number): void {
    this.#unhover();
    if (Number.isFinite(dyPx)) this.#scrollTopPx += dyPx;
    this.#clampScroll();
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
      this.#setWindow(clampWindow({ startMs: startMs - width * 0.1, endMs: endMs + width * 0.1 }, this.bounds), false);
    } else if (startMs < window.startMs || endMs > window.endMs) {
      const centre = (startMs + endMs) / 2;
      this.#setWindow(panWindow(window, centre - (window.startMs + span / 2), this.bounds), false);
    }
    const { rowHeightPx, lanesHeightPx } = this.#layout;
    const top = lane * rowHeightPx;
    if (top < this.#scrollTopPx) this.#scrollTopPx = top;
    else if (top + rowHeightPx > this.#scrollTopPx + lanesHeightPx) this.#scrollTopPx = top + rowHeightPx - lanesHeightPx;
    this.#clampScroll();
  }

  /** Back to the start for another run: fitted and following, lanes at the top, nothing hovered or selected. */
  reset(): void {
    this.#scrollTopPx = 0;
    this.#hoveredSlot = -1;
    this.#selectedSlot = -1;
    this.#pointer = null;
    this.fit();
  }

  /** Shows the whole run, and follows it again as it grows. */
  fit(): void {
    this.#unhover();
    this.#setWindow(this.bounds, true);
  }

  hover(slot: number, pointer: CanvasPoint | null): void {
    this.#hoveredSlot = slot;
    this.#pointer = slot >= 0 ? pointer : null;
  }

  select(slot: number): void {
    this.#selectedSlot = slot;
  }

  /** The read-only snapshot a frame is drawn from. */
  view(theme: TimelineTheme, laneLabel: (lane: number) => string): TimelineView {
    return {
      layout: this.#layout,
      scale: this.#scale,
      pixelRatio: this.#pixelRatio,
      scrollTopPx: this.#scrollTopPx,
      hoveredSlot: this.#hoveredSlot,
      selectedSlot: this.#selectedSlot,
      theme,
      laneLabel,
    };
  }

  #setWindow(window: TimeWindow, following: boolean): void {
    const current = this.#window;
    if (window.startMs !== current.startMs || window.endMs !== current.endMs) this.#window = window;
    this.#following = following;
  }

  /** The view moved under the pointer (zoom, pan, scroll): what was hovered is no longer there. */
  #unhover(): void {
    this.#hoveredSlot = -1;
    this.#pointer = null;
  }

  #clampScroll(): void {
    this.#scrollTopPx = Math.min(this.#layout.maxScrollTopPx, Math.max(0, this.#scrollTopPx));
  }
}
