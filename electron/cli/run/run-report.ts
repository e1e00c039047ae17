import type { RunMetrics } from '../../../shared/metrics/metrics-schema';
import { type Scenario, strategyText } from '../../../shared/scenario';
import type { RunOutcome } from '../../backend/runs/run-service';
import { renderMetricsTable } from '../format/metrics-text';

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

/** The runs as `run --json` lists them, in the order they ran. */
export function runsJson(runs: readonly FinishedRun[]): RunJson[] {
  return runs.map(({ scenario, outcome }) => ({
    id: outcome.runId,
    scenario: scenario.name,
    strategy: strategyText(scenario.strategy),
    status: outcome.status,
    metrics: outcome.metrics,
    error: outcome.error,
  }));
}

/** The summary `run` prints on a terminal for a single run: a line naming it, then its metrics (when it has some). */
export function renderRunText({ scenario, outcome }: FinishedRun): string {
  const id = outcome.runId === null ? 'unsaved run' : `run ${outcome.runId}`;
  const title = `${id}: ${scenario.name} (${strategyText(scenario.strategy)}) ${outcome.status}`;
  if (outcome.metrics === null) return `${title}\n`;
  const column = { title: outcome.runId === null ? strategyText(scenario.strategy) : `#${outcome.runId}`, metrics: outcome.metrics };
  return `${title}\n\n${renderMetricsTable([column], { compare: false })}`;
}
