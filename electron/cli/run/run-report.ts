import type { RunMetrics } from '../../../shared/metrics/metrics-schema';
import type { Scenario } from '../../../shared/scenario/scenario-schema';
import { strategyText } from '../../../shared/scenario/strategy-text';
import type { RunOutcome } from '../../backend/runs/run-service';
import { renderMetricsTable } from '../format/metric-rows';

/** A run the `run` command made: what ran and how it ended. */
export interface FinishedRun {
  scenario: Scenario;
  outcome: RunOutcome;
}

/** One element of the `runs` array of `run --json`. These names are public. */
export interface RunJson {
  /** The history id; null with `--no-save`. */
  id: number | null;
  /** The scenario's name. */
  scenario: string;
  /** Short form: `pool:4`. */
  strategy: string;
  status: RunOutcome['status'];
  metrics: RunMetrics | null;
  /** Why the run failed; null unless `status` is `failed`. */
  error: string | null;
}

/** The whole stdout of `run --json`. */
export function runsJson(runs: readonly FinishedRun[]): { runs: RunJson[] } {
  return {
    runs: runs.map(({ scenario, outcome }) => ({
      id: outcome.runId,
      scenario: scenario.name,
      strategy: strategyText(scenario.strategy),
      status: outcome.status,
      metrics: outcome.metrics,
      error: outcome.error,
    })),
  };
}

function runTitle({ scenario, outcome }: FinishedRun): string {
  const id = outcome.runId === null ? 'unsaved run' : `run ${outcome.runId}`;
  return `${id}: ${scenario.name} (${strategyText(scenario.strategy)}) ${outcome.status}`;
}

/** The summary `run` prints on a terminal: a line per run, then their metrics side by side (when any has some). */
export function renderRunsText(runs: readonly FinishedRun[]): string {
  const titles = runs.map(runTitle).join('\n');
  if (runs.every(({ outcome }) => outcome.metrics === null)) return `${titles}\n`;
  const columns = runs.map(({ scenario, outcome }) => ({
    title: outcome.runId === null ? strategyText(scenario.strategy) : `#${outcome.runId}`,
    metrics: outcome.metrics,
  }));
  return `${titles}\n\n${renderMetricsTable(columns, { ratios: runs.length > 1 })}`;
}
