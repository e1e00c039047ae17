import type { RunMetrics } from '../../../shared/metrics/metrics-schema';
import type { ColumnarRun } from '../../../shared/run/task-columns';

/** The completed runs of one repeat experiment: what its mean and 95% CI are taken over. */
export interface RepeatGroup {
  experimentId: number;
  name: string;
  metrics: readonly RunMetrics[];
}

/** One side of a comparison: a single run, or every counted run of the repeat experiment it belongs to. */
export interface ComparisonUnit {
  key: string;
  label: string;
  /** The compared runs this unit stands for. */
  runIds: readonly number[];
  metrics: readonly RunMetrics[];
  /** False for a single run that was cancelled, failed or interrupted: its numbers cover part of a run. */
  complete: boolean;
}

/** A run that has metrics (it completed, or ended with partial metrics). */
export type MeasuredRun = ColumnarRun & { metrics: RunMetrics };

/**
 * The sides of a comparison, the baseline's first. A run of a repeat experiment stands for the whole
 * experiment, so two repeat experiments compare as samples (mean, 95% CI, Welch's t-test). When that would
 * leave fewer than two sides (say, two runs of the same repeat), every run is its own side.
 */
export function comparisonUnits(runs: readonly MeasuredRun[], groups: ReadonlyMap<number, RepeatGroup>): ComparisonUnit[] {
  const units = new Map<string, ComparisonUnit>();
  for (const run of runs) {
    const group = run.experimentId === null ? undefined : groups.get(run.experimentId);
    const key = group === undefined ? `run:${run.id}` : `experiment:${group.experimentId}`;
    const unit = units.get(key);
    if (unit !== undefined) {
      units.set(key, { ...unit, runIds: [...unit.runIds, run.id] });
    } else if (group !== undefined && group.metrics.length > 0) {
      // A repeat's statistics are taken over its completed runs only.
      units.set(key, { key, label: group.name, runIds: [run.id], metrics: group.metrics, complete: true });
    } else {
      units.set(key, singleRun(run));
    }
  }
  const grouped = [...units.values()];
  if (grouped.length >= 2) return grouped;
  return runs.map(singleRun);
}

function singleRun(run: MeasuredRun): ComparisonUnit {
  return { key: `run:${run.id}`, label: run.name, runIds: [run.id], metrics: [run.metrics], complete: run.status === 'completed' };
}

/** True when some side has repeats to take a mean and a CI over. */
export function hasRepeats(units: readonly ComparisonUnit[]): boolean {
  return units.length >= 2 && units.some((unit) => unit.metrics.length >= 2);
}
