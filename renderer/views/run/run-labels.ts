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

/** `12 / 40 tasks · 1.20 s elapsed · about 3.40 s left` */
export function progressText(figures: ProgressFigures): string {
  const parts = [`${formatCount(figures.done)} / ${formatCount(figures.total)} tasks`, `${formatMs(figures.elapsedMs)} elapsed`];
  if (figures.etaMs !== null) parts.push(`about ${formatMs(figures.etaMs)} left`);
  return parts.join(' · ');
}
