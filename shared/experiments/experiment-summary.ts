import type { RunMetrics } from '../metrics/metrics-schema';
import type { ExpectationVerdict } from '../presets';
import type { RunSummary } from '../run/run-schema';
import type { Strategy } from '../scenario';
import { repeatStats, type RepeatStats } from '../stats/sample-summary';
import { sweepResult, type SweepResult } from '../stats/sweep';

/** What the statistics of an experiment need to know of each of its counted runs. */
export interface ExperimentRunFacts {
  strategy: Strategy;
  status: string;
  metrics: RunMetrics | null;
}

/** The statistics an experiment reports: `stats` for a repeat, `sweep` for a sweep, nothing for a matrix. */
export interface ExperimentStats {
  /** Repeat only; null when no run completed. */
  stats?: RepeatStats | null;
  sweep?: SweepResult;
  /** A run of a built-in scenario's variants: its expectations judged on these runs (`variantExpectations`). */
  expectations?: ExpectationVerdict[];
}

/**
 * The statistics of an experiment from its counted runs, in order. Only completed runs count: a cancelled or
 * failed run has partial metrics or none. A sweep reads each run's concurrency from its pool strategy.
 */
export function experimentStats(kind: 'repeat' | 'matrix' | 'sweep', runs: readonly ExperimentRunFacts[]): ExperimentStats {
  const completed = runs.filter((r): r is ExperimentRunFacts & { metrics: RunMetrics } => r.status === 'completed' && r.metrics !== null);
  switch (kind) {
    case 'repeat':
      return { stats: repeatStats(completed.map((r) => r.metrics)) };
    case 'sweep':
      return {
        sweep: sweepResult(
          completed.flatMap((r) => (r.strategy.type === 'pool' ? [{ concurrency: r.strategy.concurrency, metrics: r.metrics }] : [])),
        ),
      };
    case 'matrix':
      return {};
  }
}

/** One run of a reopened experiment: its history row and its metrics, without tasks and samples. */
export type ExperimentRun = RunSummary & { metrics: RunMetrics | null };

/** An experiment reopened from the history as a whole: its runs in the order they ran, and its statistics. */
export interface ReopenedExperiment extends ExperimentStats {
  id: number;
  kind: 'repeat' | 'matrix' | 'sweep';
  name: string;
  /** What the experiment varied, as stored with it. */
  params: unknown;
  /** ISO 8601. */
  createdAt: string;
  runs: ExperimentRun[];
}
