import { TASK_KINDS } from '../../../../shared/scenario';
import { STATUS_BY_CODE } from '../../../../renderer/timeline/data/task-codes';
import type { TimelineTheme } from '../../../../renderer/timeline/theme/timeline-theme';

/** Colours that name what they stand for, so a test can tell from a recorded fillStyle what was drawn. */
export const testTheme: TimelineTheme = {
  background: 'background',
  gutter: 'gutter',
  laneStripe: 'stripe',
  grid: 'grid',
  text: 'text',
  mutedText: 'muted',
  leadIn: 'lead-in',
  hover: 'hover',
  selected: 'selected',
  now: 'now',
  delayLine: 'delay-line',
  delayFill: 'delay-fill',
  barText: 'bar-text',
  kindFill: TASK_KINDS.map((kind) => `kind:${kind}`),
  statusFill: STATUS_BY_CODE.map((status) => (status === 'ok' || status === 'running' ? null : `status:${status}`)),
  hatch: 'hatch',
  orphanHatch: 'orphan-hatch',
  deliveryTail: 'delivery-tail',
  font: '11px sans-serif',
};
