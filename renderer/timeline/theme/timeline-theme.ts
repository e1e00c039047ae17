/**
 * The colours the canvas uses, resolved once (from CSS custom properties in the app, from a literal in
 * tests) and handed to `renderTimeline` inside the view: drawing never reads the DOM.
 */
export interface TimelineTheme {
  readonly background: string;
  readonly gutter: string;
  readonly laneStripe: string;
  readonly grid: string;
  readonly text: string;
  readonly mutedText: string;
  /** The thin line from a task's queued time to its start. */
  readonly leadIn: string;
  readonly hover: string;
  readonly selected: string;
  /** The vertical line at the run's latest time while tasks run. */
  readonly now: string;
  readonly delayLine: string;
  readonly delayFill: string;
  /** Text drawn on bars. */
  readonly barText: string;
  /** Bar fill by kind code (the order of `TASK_KINDS`). */
  readonly kindFill: readonly string[];
  /** Bar fill by status code, overriding the kind's; null keeps the kind's (ok, running). */
  readonly statusFill: readonly (string | null)[];
  /** Laid over cancelled and skipped bars wide enough to show it; null draws none. */
  readonly hatch: CanvasPattern | string | null;
  /** Laid over an orphaned task's bar, on top of its outcome's colour; null draws none. */
  readonly orphanHatch: CanvasPattern | string | null;
  /** The thin tail from a task's end to when the strategy heard of it ("result waited for the loop"). */
  readonly deliveryTail: string;
  readonly font: string;
}
