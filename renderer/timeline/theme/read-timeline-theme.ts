import { TASK_KINDS } from '../../../shared/scenario';
import { STATUS_BY_CODE } from '../data/task-codes';
import type { TimelineTheme } from './timeline-theme';

/** Used when a custom property is missing (the stylesheet did not load): visible, never invisible. */
const FALLBACK_COLOUR = 'gray';
const HATCH_SIZE_PX = 6;

function hatchPattern(colour: string): CanvasPattern | null {
  const tile = document.createElement('canvas');
  tile.width = HATCH_SIZE_PX;
  tile.height = HATCH_SIZE_PX;
  const ctx = tile.getContext('2d');
  if (!ctx) return null;
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(0, HATCH_SIZE_PX);
  ctx.lineTo(HATCH_SIZE_PX, 0);
  ctx.moveTo(-1, 1);
  ctx.lineTo(1, -1);
  ctx.moveTo(HATCH_SIZE_PX - 1, HATCH_SIZE_PX + 1);
  ctx.lineTo(HATCH_SIZE_PX + 1, HATCH_SIZE_PX - 1);
  ctx.stroke();
  return ctx.createPattern(tile, 'repeat');
}

/** Resolves the `--timeline-*` custom properties in effect at `element` into the colours drawing uses. */
export function readTimelineTheme(element: Element): TimelineTheme {
  const style = getComputedStyle(element);
  const read = (name: string): string => style.getPropertyValue(`--timeline-${name}`).trim() || FALLBACK_COLOUR;
  return {
    background: read('bg'),
    gutter: read('gutter'),
    laneStripe: read('lane-stripe'),
    grid: read('grid'),
    text: read('text'),
    mutedText: read('muted'),
    leadIn: read('lead-in'),
    hover: read('hover'),
    selected: read('selected'),
    now: read('now'),
    delayLine: read('delay-line'),
    delayFill: read('delay-fill'),
    barText: read('bar-text'),
    kindFill: TASK_KINDS.map((kind) => read(`kind-${kind}`)),
    statusFill: STATUS_BY_CODE.map((status) => (status === 'ok' || status === 'running' ? null : read(`status-${status}`))),
    hatch: hatchPattern(read('hatch')),
    orphanHatch: hatchPattern(read('status-orphaned')),
    deliveryTail: read('delivery-tail'),
    font: style.getPropertyValue('--timeline-font').trim() || '11px sans-serif',
  };
}
