import type { RepeatStats } from '../../../shared/stats/sample-summary';
import type { SweepResult } from '../../../shared/stats/sweep';
import type { FinishedExperiment } from './execute-experiment';
import { runsJson, type RunJson } from './run-report';

/** The whole stdout of `run --json` for `--repeat`, `--matrix` or `--sweep`. These names are public. */
export interface ExperimentJson {
  /** The counted runs in the order they ran (warm-ups are neither stored nor listed). */
  runs: RunJson[];
  /** Reopen it with `show --experiment <id>`. */
  experimentId: number;
  /** `--repeat` only: mean, sd, ci95 and n of wall time and throughput; null when no run completed. */
  stats?: RepeatStats | null;
  /** `--sweep` only: throughput and p99 against concurrency, and the knee (null when there is none). */
  sweep?: SweepResult;
}

/** `run --json` for an experiment: its runs, its id, and `stats` (repeat) or `sweep` (sweep). */
export function experimentJson({ result, runs }: FinishedExperiment): ExperimentJson {
  return { runs: runsJson(runs), experimentId: result.experimentId, stats: result.stats, sweep: result.sweep };
}
