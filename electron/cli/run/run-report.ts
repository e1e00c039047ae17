import { findFindings, type Finding } from '../../../shared/findings';
import type { RunMetrics } from '../../../shared/metrics/metrics-schema';
import { remoteMeasurementNote, type Runtime, type Scenario, strategyOnRuntime, strategyText } from '../../../shared/scenario';
import type { ActiveRun, RunOutcome } from '../../backend/runs/run-service';
import { renderFindings, renderMetricsTable } from '../format/metrics-text';

/** A run the `run` command made: what ran, how it ended, and what its records show. */
export interface FinishedRun {
  scenario: Scenario;
  outcome: RunOutcome;
  /** Empty when the run has no metrics (it failed). */
  findings: Finding[];
}

/**
 * Waits for `run` to end and finds what its tasks show, from the run's own columns: neither the recording nor its
 * findings make an object per task, so a run of a million tasks stays within a few hundred MB.
 */
export async function finishedRun(run: ActiveRun): Promise<FinishedRun> {
  const outcome = await run.done;
  const { scenario } = run;
  const findings = outcome.metrics === null ? [] : findFindings({ scenario, ...run.takeFindingInput(), metrics: outcome.metrics });
  return { scenario, outcome, findings };
}

/** One element of the `runs` array of `run --json`. These names are public. */
export interface RunJson {
  /** The history id; null with `--no-save`. */
  id: number | null;
  /** The scenario's name. */
  scenario: string;
  /** Short form: `pool:4`. */
  strategy: string;
  /** Where it ran: `node`, `python`, `go`, `java`. */
  runtime: Runtime;
  status: RunOutcome['status'];
  metrics: RunMetrics | null;
  /** Why the run failed; null unless `status` is `failed`. */
  error: string | null;
  /** What the run shows (`shared/findings`), worst first. */
  findings: Finding[];
}

/** The runs as `run --json` lists them, in the order they ran. */
export function runsJson(runs: readonly FinishedRun[]): RunJson[] {
  return runs.map(({ scenario, outcome, findings }) => ({
    id: outcome.runId,
    scenario: scenario.name,
    strategy: strategyText(scenario.strategy),
    runtime: scenario.runtime,
    status: outcome.status,
    metrics: outcome.metrics,
    error: outcome.error,
    findings,
  }));
}

/** The summary `run` prints on a terminal for a single run: a line naming it, then its metrics and findings (when it has some). */
export function renderRunText({ scenario, outcome, findings }: FinishedRun): string {
  const id = outcome.runId === null ? 'unsaved run' : `run ${outcome.runId}`;
  const title = `${id}: ${scenario.name} (${strategyOnRuntime(scenario.strategy, scenario.runtime)}) ${outcome.status}`;
  if (outcome.metrics === null) return `${title}\n`;
  const column = { title: outcome.runId === null ? strategyText(scenario.strategy) : `#${outcome.runId}`, metrics: outcome.metrics };
  const note = remoteMeasurementNote(scenario);
  return `${title}\n\n${renderMetricsTable([column], { compare: false })}\n${note === null ? '' : `Note: ${note}\n\n`}${renderFindings(findings)}`;
}
