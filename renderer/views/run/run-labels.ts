import type { RunPhase } from '../../state/run/run-session.svelte';
import { formatCount, formatMs } from '../../state/results/format-units';
import type { ProgressFigures } from '../../state/run/run-progress';

/** What a run phase is called and how its badge looks. */
export const PHASE_BADGES: Record<RunPhase, { text: string; tone: string }> = {
  idle: { text: 'Not run yet', tone: '' },
  starting: { text: 'Starting', tone: 'accent' },
  running: { text: 'Running', tone: 'accent' },
  completed: { text: 'Completed', tone: 'ok' },
  cancelled: { text: 'Cancelled', tone: 'warning' },
  failed: { text: 'Failed', tone: 'danger' },
};

/**
 * `12 / 40 tasks · 1.20 s elapsed · about 3.40 s left`; once over `40 / 40 tasks · wall time 4.10 s`; a cancelled
 * run: `24 of 200 done, 176 cancelled · wall time 1.20 s`.
 */
export function progressText(figures: ProgressFigures): string {
  const count =
    figures.cancelled > 0
      ? `${formatCount(figures.done)} of ${formatCount(figures.total)} done, ${formatCount(figures.cancelled)} cancelled`
      : `${formatCount(figures.done)} / ${formatCount(figures.total)} tasks`;
  // Once over, the same wall time as the summary, named as it is there.
  const time = figures.wallMs === null ? `${formatMs(figures.elapsedMs)} elapsed` : `wall time ${formatMs(figures.wallMs)}`;
  const parts = [count, time];
  if (figures.etaMs !== null) parts.push(`about ${formatMs(figures.etaMs)} left`);
  return parts.join(' · ');
}
