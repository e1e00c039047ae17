import type { TimelineLayout } from '../layout/timeline-layout';
import type { TimeScale } from '../scale/time-scale';
import type { TimelineTheme } from '../theme/timeline-theme';

/** Everything a frame needs besides the data, read-only: drawing and hit testing take nothing else. */
export interface TimelineView {
  readonly layout: TimelineLayout;
  /** The visible time window mapped onto the plot area. */
  readonly scale: TimeScale;
  /** Device pixels per CSS pixel. */
  readonly pixelRatio: number;
  /** How far the lanes are scrolled (CSS px). */
  readonly scrollTopPx: number;
  /** Slots to outline, or -1. */
  readonly hoveredSlot: number;
  readonly selectedSlot: number;
  readonly theme: TimelineTheme;
  readonly laneLabel: (lane: number) => string;
}

/** The part of the 2D context drawing uses, so tests can record calls with a plain object. */
export type TimelineContext = Pick<
  CanvasRenderingContext2D,
  | 'setTransform'
  | 'save'
  | 'restore'
  | 'beginPath'
  | 'rect'
  | 'clip'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'stroke'
  | 'fill'
  | 'fillRect'
  | 'strokeRect'
  | 'fillText'
  | 'measureText'
  | 'setLineDash'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'globalAlpha'
>;
