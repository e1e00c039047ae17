import type { RunMetrics } from '../../../shared/metrics/metrics-schema';
import type { TaskRecord } from '../../../shared/protocol/task-record';
import { recordsFromArrays, type TaskArrays } from '../../../shared/run/task-columns';
import { externalEffects, MAX_THREADPOOL_SIZE, StrategySchema, type Scenario, type Strategy, type StrategyType } from '../../../shared/scenario';
import { defaultStrategy, strategyGuide } from '../../../shared/strategies';
import { predictionErrorPercent, predictRun, scenarioWithStrategy, type Prediction } from '../../../shared/whatif';
import type { ExplorerApi } from '../explorer-api';
import { RunSession } from '../run/run-session.svelte';
import { TimelineData } from '../../timeline/data/timeline-data';

/** The recorded run a what-if starts from: its tasks as records (a live run) or as columns (a run opened from History). */
export interface RecordedRun {
  scenario: Scenario;
  tasks: readonly TaskRecord[] | TaskArrays;
  metrics: RunMetrics;
}

/** One figure of the comparison: recorded, predicted, and once run for real, measured with the prediction's error. */
export interface WhatIfFigure {
  label: string;
  /** The unit the figure is shown in. */
  unit: 'ms' | 'per-sec';
  recorded: number;
  predicted: number;
  measured: number | null;
  /** Signed, in percent of the measurement; null until measured. */
  errorPercent: number | null;
}

/**
 * Runs with more tasks than this are not predicted here: the replay runs on the page's own thread, at about
 * 10 µs a task, and each change of the picker replays the run again. The CLI's `whatif` predicts any size.
 */
export const MAX_PREDICTED_TASKS = 20_000;

const FIGURES: readonly { label: string; unit: WhatIfFigure['unit']; of: (m: Pick<RunMetrics, 'wallMs' | 'throughputPerSec' | 'latencyMs'>) => number }[] = [
  { label: 'Wall time', unit: 'ms', of: (m) => m.wallMs },
  { label: 'Throughput', unit: 'per-sec', of: (m) => m.throughputPerSec },
  { label: 'Latency p50', unit: 'ms', of: (m) => m.latencyMs.p50 },
  { label: 'Latency p99', unit: 'ms', of: (m) => m.latencyMs.p99 },
];

/**
 * "What if…" on a finished run: the strategy (and pool size) to try, the prediction the simulator makes from
 * the run's measured work, and on request a real run of that variant to set the prediction against.
 *
 * The prediction is computed here, from `shared/whatif`, rather than in the backend: the page already holds
 * every task record of the run it shows (its timeline draws them), and gets the predicted records back to draw
 * them too, so a backend call would ship the same records twice. A run past `MAX_PREDICTED_TASKS` is left to
 * the CLI rather than stall the page.
 */
export class WhatIf {
  #strategy = $state.raw<Strategy>({ type: 'pool', concurrency: 4 });
  #threadpoolSize = $state(4);
  #real = $state.raw<{ session: RunSession; timeline: TimelineData; prediction: Prediction } | null>(null);
  readonly #recorded: RecordedRun;
  readonly #cores: number;
  readonly #api: ExplorerApi | null;

  constructor(recorded: RecordedRun, cores: number, api: ExplorerApi | null) {
    this.#recorded = recorded;
    this.#cores = Math.max(1, cores);
    this.#api = api;
    this.#threadpoolSize = recorded.scenario.options.threadpoolSize;
    if (recorded.scenario.strategy.type === 'pool') this.#strategy = { type: 'all' };
  }

  get strategy(): Strategy { return this.#strategy; }
  get threadpoolSize(): number { return this.#threadpoolSize; }
  get recordedStrategy(): Strategy { return this.#recorded.scenario.strategy; }
  get tooBig(): boolean {
    const { tasks } = this.#recorded;
    return (Array.isArray(tasks) ? tasks.length : (tasks as TaskArrays).count) > MAX_PREDICTED_TASKS;
  }
  /**
   * True when the scenario executes commands or opens files of its own: its variants run from the workbench,
   * where a scenario from outside the app asks before it runs (this panel does not ask).
   */
  get executes(): boolean { return externalEffects(this.#recorded.scenario).length > 0; }
  /** True when "Run it for real" can start a run (a host API is there, nothing of ours is running, nothing to agree to). */
  get canRunForReal(): boolean { return this.#api !== null && !this.executes && !(this.#real?.session.active ?? false); }

  /** Picks the strategy type, keeping the size the previous one had where both have one. */
  setType(type: StrategyType): void {
    this.#strategy = defaultStrategy(type, this.#strategy);
  }

  /** Sets the pool size, batch size or thread count; out-of-range sizes are clamped to what the schema allows. */
  setSize(size: number): void {
    const field = strategyGuide(this.#strategy.type).size?.field;
    if (field === undefined || !Number.isFinite(size)) return;
    const parsed = StrategySchema.safeParse({ ...this.#strategy, [field]: Math.max(1, Math.round(size)) });
    if (parsed.success) this.#strategy = parsed.data;
  }

  setThreadpoolSize(size: number): void {
    if (Number.isFinite(size)) this.#threadpoolSize = Math.min(MAX_THREADPOOL_SIZE, Math.max(1, Math.round(size)));
  }

  /** The predicted run for the chosen strategy; null for a run too big to predict on the page. */
  readonly prediction: Prediction | null = $derived.by(() => {
    if (this.tooBig) return null;
    const { scenario, tasks } = this.#recorded;
    return predictRun({ scenario, tasks: this.#records(tasks), strategy: this.#strategy, cores: this.#cores, threadpoolSize: this.#threadpoolSize });
  });

  // Columns become records only for a run small enough to predict here, and only once.
  #recordsCache: readonly TaskRecord[] | null = null;
  #records(tasks: RecordedRun['tasks']): readonly TaskRecord[] {
    if (Array.isArray(tasks)) return tasks;
    this.#recordsCache ??= recordsFromArrays(tasks as TaskArrays);
    return this.#recordsCache;
  }

  /** The predicted records as a timeline; null when there is no prediction or the timeline cannot hold it. */
  readonly predictedTimeline: TimelineData | null = $derived.by(() => (this.prediction === null ? null : timelineOf(this.prediction.tasks)));

  /** The real run of the variant, once started: its session (live progress) and timeline. */
  get real(): { session: RunSession; timeline: TimelineData } | null { return this.#real; }

  /** The figures side by side: recorded, predicted, and the real run's with the prediction's error once it has finished. */
  readonly figures: WhatIfFigure[] = $derived.by(() => {
    const predicted = this.prediction?.metrics;
    if (predicted === undefined) return [];
    const real = this.#real;
    const measured = real !== null && real.session.phase === 'completed' ? real.session.metrics : null;
    // A real run compares with the prediction it was started for, even if the picker has moved on since.
    const compared = measured !== null && real !== null ? real.prediction.metrics : predicted;
    return FIGURES.map(({ label, unit, of }) => {
      const measuredValue = measured === null ? null : of(measured);
      return {
        label,
        unit,
        recorded: of(this.#recorded.metrics),
        predicted: of(compared),
        measured: measuredValue,
        errorPercent: measuredValue === null ? null : predictionErrorPercent(of(compared), measuredValue),
      };
    });
  });

  /** Runs the variant for real: the recorded scenario with the chosen strategy (and pool size), as a new run. */
  async runForReal(): Promise<void> {
    const prediction = this.prediction;
    if (this.#api === null || prediction === null || !this.canRunForReal) return;
    this.#real?.session.dispose();
    const timeline = new TimelineData();
    const session = new RunSession(this.#api, timeline);
    this.#real = { session, timeline, prediction };
    await session.start(scenarioWithStrategy(this.#recorded.scenario, this.#strategy, this.#threadpoolSize));
  }

  dispose(): void {
    this.#real?.session.dispose();
  }
}

function timelineOf(tasks: readonly TaskRecord[]): TimelineData | null {
  try {
    return TimelineData.fromTasks(tasks);
  } catch {
    return null;
  }
}
