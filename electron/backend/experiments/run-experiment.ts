import { availableParallelism, loadavg } from 'node:os';
import { ApiError } from '../../../shared/api/api-error';
import { experimentName, experimentParams, planExperiment, storedExperimentKind, type PlannedRun } from '../../../shared/experiments/experiment-plan';
import { checkExperimentSpec, type ExperimentSpec, type ExperimentSpecInput } from '../../../shared/experiments/experiment-spec';
import { experimentStats, type ExperimentStats } from '../../../shared/experiments/experiment-summary';
import { variantExpectations, variantsParams } from '../../../shared/experiments/variant-expectations';
import { problemsToText } from '../../../shared/validation/format-issues';
import type { HistoryStore } from '../history';
import type { ActiveRun, RunOutcome, RunService } from '../runs/run-service';

/** What running an experiment needs of the run service. */
export type ExperimentRunner = Pick<RunService, 'start'>;
/** What running an experiment needs of the history store. */
export type ExperimentRecorder = Pick<HistoryStore, 'createExperiment'>;

/** Where an experiment is: the run that just started or finished, among all it will make. */
export interface ExperimentProgress {
  /** 0-based position in the plan, warm-ups included. */
  index: number;
  total: number;
  /** `warm-up 1/2`, `repeat 3/5`, `pool:8`. */
  label: string;
  warmup: boolean;
}

export interface RunExperimentOptions {
  onRunStarted?(run: ActiveRun, progress: ExperimentProgress): void;
  /** Called for warm-ups too (`progress.warmup`), though they are not in the result. */
  onRunFinished?(outcome: RunOutcome, progress: ExperimentProgress): void;
  /** Aborting cancels the run under way and starts no more; the result then has `cancelled: true`. */
  signal?: AbortSignal;
}

/** What an experiment made. With `stats` (repeat) or `sweep` (sweep); a matrix has neither. */
export interface ExperimentResult extends ExperimentStats {
  experimentId: number;
  /** The counted runs, in the order they ran; warm-ups are not here. */
  runs: RunOutcome[];
  /** The signal stopped the experiment before it made every run. */
  cancelled: boolean;
}

/**
 * Runs an experiment: records it, then makes its runs one after another (never two at once: they would
 * distort each other's measurements), each counted run stored under the experiment. A run that fails does
 * not stop the experiment; the statistics count completed runs only. Throws an `ApiError` (`bad_request`,
 * every problem listed) for an invalid spec, before anything is stored.
 */
export async function runExperiment(
  runService: ExperimentRunner,
  store: ExperimentRecorder,
  input: ExperimentSpecInput,
  options: RunExperimentOptions = {},
): Promise<ExperimentResult> {
  const spec = validSpec(input);
  const plan = planExperiment(spec);
  const kind = storedExperimentKind(spec);
  const params = { ...experimentParams(spec), ...presetParams(spec) };
  const experimentId = store.createExperiment({ kind, name: experimentName(spec), params });
  const counted: { planned: PlannedRun; outcome: RunOutcome }[] = [];
  let cancelled = false;
  for (const [index, planned] of plan.entries()) {
    if (isAborted(options.signal)) {
      cancelled = true;
      break;
    }
    const progress = { index, total: plan.length, label: planned.label, warmup: planned.warmup };
    const run = runService.start(planned.scenario, {
      ...(planned.warmup ? { save: false } : { experimentId, name: planned.name }),
      ...(spec.scenarioDir === undefined ? {} : { scenarioDir: spec.scenarioDir }),
    });
    options.onRunStarted?.(run, progress);
    const outcome = await untilDone(run, options.signal);
    options.onRunFinished?.(outcome, progress);
    if (!planned.warmup) counted.push({ planned, outcome });
    if (isAborted(options.signal) && outcome.status === 'cancelled') cancelled = true;
  }
  const stats = experimentStats(
    kind,
    counted.map(({ planned, outcome }) => ({ strategy: planned.scenario.strategy, status: outcome.status, metrics: outcome.metrics })),
  );
  const expectations = variantExpectations(
    params,
    counted.map(({ planned, outcome }) => ({ status: outcome.status, metrics: outcome.metrics, scenario: planned.scenario })),
  );
  return { experimentId, runs: counted.map((c) => c.outcome), cancelled, ...stats, ...(expectations === undefined ? {} : { expectations }) };
}

/** A built-in scenario's variants, each named: the preset and variant ids, and the machine as the runs begin. */
function presetParams(spec: ExperimentSpec): Record<string, unknown> {
  if (spec.kind !== 'variants' || spec.presetId === undefined) return {};
  const ids = spec.variants.map((variant) => variant.id);
  if (ids.some((id) => id === undefined)) return {};
  return variantsParams(spec.presetId, ids as string[], { cpuCount: availableParallelism(), loadAverage1m: loadavg()[0] ?? 0 });
}

function validSpec(input: ExperimentSpecInput): ExperimentSpec {
  const check = checkExperimentSpec(input);
  if (check.ok) return check.spec;
  throw new ApiError('bad_request', `Invalid experiment:\n${problemsToText(check.problems)}`, check.problems);
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

async function untilDone(run: ActiveRun, signal: AbortSignal | undefined): Promise<RunOutcome> {
  if (signal === undefined) return run.done;
  const cancel = (): void => run.cancel();
  signal.addEventListener('abort', cancel, { once: true });
  if (signal.aborted) run.cancel();
  try {
    return await run.done;
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}
