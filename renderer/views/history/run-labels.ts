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
/** This year's dates leave the year out: the column stays narrow enough for a 1024 px window. */
const WHEN_THIS_YEAR = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
const THIS_YEAR = new Date().getFullYear();
/** Formatting dates is the dearest part of drawing a row: a scrolled-back row reuses its text. */
const WHEN_CACHE = new Map<string, string>();
const WHEN_CACHE_SIZE = 5_000;

/** `Mar 1, 2025, 10:00 AM` in the reader's locale and time zone; `Mar 1, 10:00 AM` this year. */
export function formatWhen(iso: string): string {
  let text = WHEN_CACHE.get(iso);
  if (text === undefined) {
    const time = Date.parse(iso);
    text = Number.isNaN(time) ? iso : (new Date(time).getFullYear() === THIS_YEAR ? WHEN_THIS_YEAR : WHEN).format(time);
    if (WHEN_CACHE.size >= WHEN_CACHE_SIZE) WHEN_CACHE.clear();
    WHEN_CACHE.set(iso, text);
  }
  return text;
}

/** `1 run`, `12 runs`. */
export function runCount(n: number): string {
  return `${n.toLocaleString('en-US')} run${n === 1 ? '' : 's'}`;
}
