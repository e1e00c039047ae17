import { compareFindings, type Finding, type FindingsDifference } from '../../../shared/findings';
import { checkTaskColumns, type ColumnarRun, type TaskArrays } from '../../../shared/run/task-columns';
import { compareMetrics, type MetricComparison } from '../../../shared/stats/compare-metrics';
import { compareRepeats, type RepeatedMetricComparison } from '../../../shared/stats/compare-repeats';
import { cdfPoints, columnLatencies, type CdfPoint } from '../../charts/latency-distribution';
import { TimelineData } from '../../timeline/data/timeline-data';
import { describeError } from '../explorer-api';
import type { HistoryApi } from '../history/history-api';
import { comparisonUnits, hasRepeats, type ComparisonUnit, type MeasuredRun, type RepeatGroup } from './comparison-units';
import { SharedTimeAxis } from './shared-time-axis.svelte';

/** What the overlaid charts and the stacked timelines draw of one compared run. */
export interface RunSeries {
  id: number;
  /** Latency CDF of the tasks that ran. */
  cdf: CdfPoint[];
  /** Tasks in flight over the run (seconds, count). */
  inFlight: { x: number; y: number }[];
  /** Null when the stored records cannot be drawn (the numbers still compare). */
  timeline: TimelineData | null;
}

/**
 * Two or more runs side by side: each metric against a baseline run (ratios and better/worse marks), the
 * same with mean and 95% CI and Welch's t-test where runs come from repeat experiments, and what the
 * overlaid charts and the stacked timelines draw.
 */
export class Comparison {
  #runs = $state.raw<readonly ColumnarRun[]>([]);
  #series = $state.raw<readonly RunSeries[]>([]);
  #groups = $state.raw<ReadonlyMap<number, RepeatGroup>>(new Map());
  #findings = $state.raw<ReadonlyMap<number, readonly Finding[]>>(new Map());
  #baselineId = $state<number | null>(null);
  #ids = $state.raw<readonly number[]>([]);
  #loading = $state(false);
  #error = $state<string | null>(null);
  #generation = 0;
  readonly #api: HistoryApi;

  /** The runs that have metrics, the baseline first; the others cannot be measured against it. */
  readonly measured: readonly MeasuredRun[] = $derived.by(() => {
    const withMetrics = this.#runs.filter((run): run is MeasuredRun => run.metrics !== null);
    const baseline = withMetrics.find((run) => run.id === this.#baselineId) ?? withMetrics[0];
    return baseline === undefined ? [] : [baseline, ...withMetrics.filter((run) => run !== baseline)];
  });
  readonly baseline: MeasuredRun | null = $derived(this.measured[0] ?? null);
  /** Runs that ended without metrics (failed before the end, interrupted). */
  readonly unmeasured: readonly ColumnarRun[] = $derived(this.#runs.filter((run) => run.metrics === null));
  /** Compared runs that did not run to their end (cancelled, failed, interrupted): they get no verdicts. */
  readonly incomplete: readonly ColumnarRun[] = $derived(this.#runs.filter((run) => run.status !== 'completed'));
  /** Each metric of the baseline and every other run's ratio to it. */
  readonly metrics: readonly MetricComparison[] = $derived(
    this.measured.length < 2
      ? []
      : compareMetrics(
          this.measured[0]!.metrics,
          this.measured.slice(1).map((run) => run.metrics),
          this.measured.map((run) => run.status === 'completed'),
        ),
  );
  /** The sides when runs stand for their repeat experiments, the baseline's first. */
  readonly units: readonly ComparisonUnit[] = $derived(comparisonUnits(this.measured, this.#groups));
  /** Mean, 95% CI and significance per metric; null when no side has repeats. */
  readonly repeats: readonly RepeatedMetricComparison[] | null = $derived(
    hasRepeats(this.units)
      ? compareRepeats(this.units[0]!.metrics, this.units.slice(1).map((unit) => unit.metrics), this.units.map((unit) => unit.complete))
      : null,
  );
  /** For two measured runs: the findings only one of them has, and what explains the biggest ratio. */
  readonly findingsDifference: FindingsDifference | null = $derived.by(() => {
    const [baseline, other] = this.measured;
    if (this.measured.length !== 2 || baseline === undefined || other === undefined) return null;
    const side = (run: MeasuredRun) => ({ id: run.id, strategy: run.strategy, metrics: run.metrics, findings: this.#findings.get(run.id) ?? [] });
    return compareFindings(side(baseline), side(other));
  });
  /** The one time axis of the stacked timelines. */
  readonly axis: SharedTimeAxis = $derived(new SharedTimeAxis(Math.max(0, ...this.series.map((s) => s.timeline?.nowMs ?? 0))));

  constructor(api: HistoryApi) {
    this.#api = api;
  }

  /** The compared runs in the order they were chosen. */
  get runs(): readonly ColumnarRun[] { return this.#runs; }
  /** The runs asked for by the latest `load`, in its order, while they load too. */
  get ids(): readonly number[] { return this.#ids; }
  /** What the charts and timelines draw of each run, in the same order. */
  get series(): readonly RunSeries[] { return this.#series; }
  get loading(): boolean { return this.#loading; }
  get error(): string | null { return this.#error; }

  /** Loads every run with its tasks as columns (and the repeat experiments they belong to); the first is the baseline. */
  async load(ids: readonly number[]): Promise<boolean> {
    const generation = ++this.#generation;
    this.#ids = [...ids];
    this.#loading = true;
    try {
      // Each run's series is made as soon as it arrives, while the next is still on its way.
      const loaded = await Promise.all(
        ids.map(async (id) => {
          const run = await this.#api.history.getColumnar({ id });
          return { run, series: seriesOf(run) };
        }),
      );
      const runs = loaded.map(({ run }) => run);
      const groups = await this.#repeatGroups(runs);
      if (generation !== this.#generation) return false;
      this.#runs = runs;
      this.#series = loaded.map(({ series }) => series);
      this.#groups = groups;
      this.#findings = new Map();
      this.#baselineId = runs[0]?.id ?? null;
      this.#error = null;
      // Findings after the runs are shown: the backend reads every record for them, which must not hold up the
      // timelines (nor share the reading threads with their columns).
      const findings = await Promise.all(runs.map((run) => this.#api.history.findings({ id: run.id })));
      if (generation !== this.#generation) return false;
      this.#findings = new Map(runs.map((run, i) => [run.id, findings[i]!]));
      return true;
    } catch (error) {
      if (generation === this.#generation) this.#error = `The runs could not be compared: ${describeError(error)}`;
      return false;
    } finally {
      if (generation === this.#generation) this.#loading = false;
    }
  }

  /** Makes another compared run the baseline every ratio is taken against. */
  setBaseline(id: number): void {
    if (this.#runs.some((run) => run.id === id)) this.#baselineId = id;
  }

  clear(): void {
    this.#generation++;
    this.#ids = [];
    this.#runs = [];
    this.#series = [];
    this.#groups = new Map();
    this.#findings = new Map();
    this.#baselineId = null;
    this.#loading = false;
  }

  async #repeatGroups(runs: readonly ColumnarRun[]): Promise<Map<number, RepeatGroup>> {
    const ids = [...new Set(runs.flatMap((run) => (run.experimentId === null ? [] : [run.experimentId])))];
    // `get` is cheap (ids only); only repeats are reopened with their runs' metrics.
    const kinds = await Promise.all(ids.map((id) => this.#api.experiments.get({ id })));
    const repeats = kinds.filter((experiment) => experiment.kind === 'repeat');
    const experiments = await Promise.all(repeats.map(({ id }) => this.#api.experiments.open({ id })));
    const groups = new Map<number, RepeatGroup>();
    for (const experiment of experiments) {
      const metrics = experiment.runs.flatMap((run) => (run.status === 'completed' && run.metrics !== null ? [run.metrics] : []));
      groups.set(experiment.id, { experimentId: experiment.id, name: experiment.name, metrics });
    }
    return groups;
  }
}

function seriesOf(run: ColumnarRun): RunSeries {
  let tasks: TaskArrays | null = null;
  let timeline: TimelineData | null = null;
  try {
    tasks = checkTaskColumns(run.tasks);
    timeline = TimelineData.fromColumns(tasks, run.samples);
  } catch {
    // A stored run whose records the timeline cannot hold still compares by its numbers.
  }
  return {
    id: run.id,
    cdf: tasks === null ? [] : cdfPoints(columnLatencies(tasks)),
    inFlight: run.samples.map((sample) => ({ x: sample.tMs / 1000, y: sample.inFlight })),
    timeline,
  };
}

