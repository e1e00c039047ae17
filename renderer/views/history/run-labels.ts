import type { ExperimentKind } from '../../../shared/api/experiment-methods';
import type { RunStatus } from '../../../shared/run/run-schema';

/** The badge tone of each run status. */
export const STATUS_TONES: Record<RunStatus, string> = {
  completed: 'ok',
  cancelled: 'warning',
  failed: 'danger',
  interrupted: 'danger',
  running: 'accent',
};

export const RUN_STATUSES: readonly RunStatus[] = ['completed', 'cancelled', 'failed', 'interrupted', 'running'];

export const EXPERIMENT_KIND_LABELS: Record<ExperimentKind, string> = {
  repeat: 'Repeat',
  matrix: 'Strategy matrix',
  sweep: 'Concurrency sweep',
};

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** `Mar 1, 2025, 10:00 AM` in the reader's locale and time zone. */
export function formatWhen(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : WHEN.format(time);
}

/** `1 run`, `12 runs`. */
export function runCount(n: number): string {
  return `${n.toLocaleString('en-US')} run${n === 1 ? '' : 's'}`;
}
