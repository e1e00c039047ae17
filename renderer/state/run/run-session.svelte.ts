import { findFindings, findingColumnsOf, type Finding } from '../../../shared/findings';
import type { RunMetrics } from '../../../shared/metrics/metrics-schema';
import type { RunEventsPayload, RunFinishedPayload, RunPreparingPayload, RunProgressPayload, RunStartedPayload } from '../../../shared/api/run-events';
import type { Sample, TaskRecord, TaskStart } from '../../../shared/protocol/task-record';
import type { RuntimeSlices } from '../../../shared/runtime/runtime-slices';
import { checkScenario, type ScenarioInput } from '../../../shared/scenario';
import { describeError, type ExplorerApi } from '../explorer-api';
import { FrameCoalescer, nextFrame, type FrameScheduler } from './frame-coalescer';
import { progressFigures, type ProgressFigures } from './run-progress';
import { ThroughputCounter } from './throughput-counter';

/** Where a run is. */
export type RunPhase = 'idle' | 'starting' | 'running' | 'completed' | 'cancelled' | 'failed';

/** Something that draws a run as it arrives: the timeline's `TimelineData` satisfies it. */
export interface TaskSink {
  setLaneCount(lanes: number): void;
  setElapsed(elapsedMs: number): void;
  appendStarted(tasks: readonly TaskStart[]): void;
  appendFinished(tasks: readonly TaskRecord[]): void;
  appendSamples(samples: readonly Sample[]): void;
}

type RunEventType = 'preparing' | 'started' | 'progress' | 'events' | 'finished';
type Incoming = { type: 'events'; payload: RunEventsPayload } | { type: 'progress'; payload: RunProgressPayload };
type AnyRunPayload = RunPreparingPayload | RunStartedPayload | RunProgressPayload | RunEventsPayload | RunFinishedPayload;

/** How a session measures time and schedules frames; tests pass fakes. */
export interface RunSessionOptions {
  schedule?: FrameScheduler;
  /** A monotonic clock in ms. */
  now?: () => number;
  /** Where the runtime slices of a `trace: "runtime"` run go, batch by batch. */
  runtime?: { appendSlices(slices: RuntimeSlices): void };
}

/**
 * One run from the UI's side: starts it, follows its events, and cancels it. Batches are applied at
 * most once per animation frame; the task list grows in place and `revision` says when it changed.
 */
export class RunSession {
  #phase = $state<RunPhase>('idle');
  #key = $state<string | null>(null);
  #runId = $state<number | null>(null);
  #total = $state(0);
  #done = $state(0);
  #cancelled = $state(0);
  #inFlight = $state(0);
  #lanes = $state(1);
  #startedAtMs = $state<number | null>(null);
  #endedAtMs = $state<number | null>(null);
  #metrics = $state.raw<RunMetrics | null>(null);
  #error = $state<string | null>(null);
  #revision = $state(0);
  #cancelRequested = $state(false);
  #missedEvents = $state(false);
  #findings = $state.raw<Finding[] | null>(null);
  #preparing = $state<string | null>(null);
  #scenario: ScenarioInput | null = null;

  readonly #finished: TaskRecord[] = [];
  #lastEndMs = 0;
  readonly #samples: Sample[] = [];
  readonly #throughput = new ThroughputCounter();
  #settle: (phase: RunPhase) => void = () => {};
  /** Resolves with how the run ended (completed, cancelled or failed, a refused start included). */
  readonly settled: Promise<RunPhase> = new Promise((resolve) => (this.#settle = resolve));
  #early: { type: RunEventType; payload: AnyRunPayload }[] = [];
  readonly #unsubscribe: (() => void)[];
  readonly #incoming: FrameCoalescer<Incoming>;
  readonly #now: () => number;
  readonly #api: ExplorerApi;
  readonly #sink: TaskSink | null;
  readonly #runtime: RunSessionOptions['runtime'];

  constructor(api: ExplorerApi, sink: TaskSink | null = null, options: RunSessionOptions = {}) {
    this.#api = api;
    this.#sink = sink;
    this.#runtime = options.runtime;
    this.#now = options.now ?? (() => performance.now());
    this.#incoming = new FrameCoalescer(options.schedule ?? nextFrame, (items) => this.#apply(items));
    this.#unsubscribe = [
      api.onRunPreparing((p) => this.#route('preparing', p)),
      api.onRunStarted((p) => this.#route('started', p)),
      api.onRunProgress((p) => this.#route('progress', p)),
      api.onRunEvents((p) => this.#route('events', p)),
      api.onRunFinished((p) => this.#route('finished', p)),
    ];
  }

  get phase(): RunPhase { return this.#phase; }
  get key(): string | null { return this.#key; }
  get runId(): number | null { return this.#runId; }
  get lanes(): number { return this.#lanes; }
  get inFlight(): number { return this.#inFlight; }
  get metrics(): RunMetrics | null { return this.#metrics; }
  get error(): string | null { return this.#error; }
  get cancelRequested(): boolean { return this.#cancelRequested; }
  /** True when the connection to the backend was lost during the run: what it sent meanwhile never arrived. */
  get missedEvents(): boolean { return this.#missedEvents; }
  /** What the runtime is preparing before the run starts (a runner's first build), in words; null otherwise. */
  get preparing(): string | null { return this.#preparing; }
  /**
   * What the finished run shows (`shared/findings`), worst first; null until it is over and they have come. A
   * saved run's are computed by the backend beside its stored records (a run of a million tasks sends only its
   * findings); an unsaved run's here, from the records this session already holds.
   */
  get findings(): Finding[] | null { return this.#findings; }
  /** True from Run until the run is over. */
  get active(): boolean { return this.#phase === 'starting' || this.#phase === 'running'; }
  /** Changes each time tasks or samples were appended. */
  get revision(): number { return this.#revision; }

  /** Tasks that have finished so far, in arrival order (grows in place: read `revision` to follow it). */
  get finished(): readonly TaskRecord[] {
    void this.#revision;
    return this.#finished;
  }

  get samples(): readonly Sample[] {
    void this.#revision;
    return this.#samples;
  }

  /** Completions per second, per time bucket. */
  throughput(): { tMs: number; perSec: number }[] {
    void this.#revision;
    return this.#throughput.series();
  }

  /**
   * Completions per second over the run so far; once it is over, the summary's figure (tasks finished per
   * second of wall time), so that the live chart and the summary say the same.
   */
  meanThroughput(): number {
    void this.#revision;
    return this.#metrics?.throughputPerSec ?? this.#throughput.meanPerSec(this.spanMs());
  }

  /** How far the run's own clock has got: its last sample or task end (ms from its start). */
  spanMs(): number {
    void this.#revision;
    return Math.max(this.#samples.at(-1)?.tMs ?? 0, this.#lastEndMs);
  }

  /** The progress bar's figures at time `nowMs` of the session's clock (elapsed keeps counting while the engine is silent). */
  progress(nowMs: number = this.#now()): ProgressFigures {
    const start = this.#startedAtMs;
    const elapsed = start === null ? 0 : (this.#endedAtMs ?? nowMs) - start;
    return progressFigures(this.#done, this.#total, Math.max(0, elapsed), this.#cancelled, this.#metrics?.wallMs ?? null);
  }

  /**
   * Starts `scenario` (`scenarioDir`: its file's folder, for relative paths); a refusal (e.g. an invalid scenario,
   * or a relative path with no folder) ends the session as failed with the reason.
   */
  async start(scenario: ScenarioInput, scenarioDir?: string): Promise<void> {
    if (this.active) return;
    this.#phase = 'starting';
    this.#scenario = scenario;
    try {
      const { key, runId } = await this.#api.runs.start(scenarioDir === undefined ? { scenario } : { scenario, options: { scenarioDir } });
      this.#key = key;
      this.#runId = runId;
      if (this.#phase === 'starting') this.#phase = 'running';
      const early = this.#early;
      this.#early = [];
      for (const event of early) if (event.payload.key === key) this.#handle(event.type, event.payload);
    } catch (error) {
      this.#early = [];
      this.#error = describeError(error);
      this.#phase = 'failed';
      this.#settle('failed');
    }
  }

  /** Asks the backend to stop the run; the run's end arrives as a `cancelled` finish. */
  async cancel(): Promise<void> {
    if (!this.active || this.#key === null || this.#cancelRequested) return;
    this.#cancelRequested = true;
    try {
      const { cancelled } = await this.#api.runs.cancel({ key: this.#key });
      if (!cancelled && this.active) this.#finish({ key: this.#key, runId: this.#runId, status: 'cancelled', metrics: null, error: null });
    } catch (error) {
      this.#cancelRequested = false;
      this.#error = describeError(error);
    }
  }

  /**
   * After the connection to the backend came back: the events sent meanwhile are lost. A run that ended in
   * the meantime is ended here as the history recorded it; one still going goes on, with a gap.
   */
  async resync(): Promise<void> {
    const key = this.#key;
    if (!this.active || key === null) return;
    this.#missedEvents = true;
    try {
      const active = await this.#api.runs.active();
      if (active.some((run) => run.key === key)) return;
      // The columnar form: a fraction of a large run's records, and only its status and metrics are needed.
      const stored = this.#runId === null ? null : await this.#api.history.getColumnar({ id: this.#runId });
      if (!this.active || this.#key !== key) return;
      const status = stored?.status === 'completed' || stored?.status === 'cancelled' ? stored.status : 'failed';
      const error = stored === null ? 'The run ended while the connection to the backend was lost.' : stored.error;
      this.#finish({ key, runId: this.#runId, status, metrics: stored?.metrics ?? null, error });
    } catch {
      // Still unreachable: the next time the connection comes back tries again.
    }
  }

  /** Stops following events. */
  dispose(): void {
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#incoming.clear();
  }

  #route(type: RunEventType, payload: AnyRunPayload): void {
    if (this.#phase === 'starting' && this.#key === null) {
      this.#early.push({ type, payload });
      return;
    }
    if (payload.key !== this.#key || !this.active) return;
    this.#handle(type, payload);
  }

  #handle(type: RunEventType, payload: AnyRunPayload): void {
    if (type === 'preparing') {
      if (this.#startedAtMs === null) this.#preparing = (payload as RunPreparingPayload).message;
    } else if (type === 'started') {
      const started = payload as RunStartedPayload;
      this.#preparing = null;
      this.#total = started.totalTasks;
      this.#lanes = Math.max(1, started.lanes);
      this.#startedAtMs = this.#now();
      this.#sink?.setLaneCount(this.#lanes);
    } else if (type === 'events') {
      this.#incoming.push({ type: 'events', payload: payload as RunEventsPayload });
    } else if (type === 'progress') {
      this.#incoming.push({ type: 'progress', payload: payload as RunProgressPayload });
    } else {
      this.#finish(payload as RunFinishedPayload);
    }
  }

  #apply(items: Incoming[]): void {
    const started: TaskStart[] = [];
    const finished: TaskRecord[] = [];
    const samples: Sample[] = [];
    let progress: RunProgressPayload | null = null;
    for (const item of items) {
      if (item.type === 'progress') {
        progress = item.payload;
        continue;
      }
      for (const task of item.payload.started) started.push(task);
      for (const task of item.payload.finished) finished.push(task);
      for (const sample of item.payload.samples) samples.push(sample);
      if (item.payload.runtime !== undefined) this.#runtime?.appendSlices(item.payload.runtime);
    }
    for (const sample of samples) this.#samples.push(sample);
    for (const task of finished) {
      this.#finished.push(task);
      this.#lastEndMs = Math.max(this.#lastEndMs, task.endMs);
    }
    this.#throughput.add(finished);
    if (this.#sink !== null) {
      if (started.length > 0) this.#sink.appendStarted(started);
      if (finished.length > 0) this.#sink.appendFinished(finished);
      if (samples.length > 0) this.#sink.appendSamples(samples);
      if (progress !== null) this.#sink.setElapsed(progress.elapsedMs);
    }
    if (progress !== null) {
      this.#done = progress.done;
      this.#total = progress.total;
      this.#inFlight = progress.inFlight;
    }
    this.#revision++;
  }

  #finish(payload: RunFinishedPayload): void {
    this.#incoming.flushNow();
    this.#endedAtMs = this.#now();
    this.#preparing = null;
    if (this.#startedAtMs === null) this.#startedAtMs = this.#endedAtMs;
    this.#metrics = payload.metrics;
    this.#error = payload.error;
    this.#inFlight = 0;
    const metrics = payload.metrics;
    // Cancelled tasks never ran to their end: they are not "done", whatever the engine's last progress counted.
    if (metrics !== null) {
      this.#total = metrics.tasks;
      this.#done = metrics.tasks - metrics.cancelled;
    }
    if (payload.status === 'cancelled') this.#cancelled = metrics?.cancelled ?? Math.max(0, this.#total - this.#done);
    this.#phase = payload.status;
    this.#settle(payload.status);
    void this.#loadFindings(payload.runId, payload.metrics);
  }

  async #loadFindings(runId: number | null, metrics: RunMetrics | null): Promise<void> {
    if (metrics === null) return void (this.#findings = []);
    try {
      if (runId !== null) return void (this.#findings = await this.#api.history.findings({ id: runId }));
      const checked = this.#scenario === null ? null : checkScenario(this.#scenario);
      this.#findings = checked?.ok === true ? findFindings({ scenario: checked.scenario, tasks: findingColumnsOf(this.#finished), samples: this.#samples, metrics }) : [];
    } catch {
      // Findings explain a run; one that cannot be explained (the host went away) still shows its numbers.
      this.#findings = [];
    }
  }
}
