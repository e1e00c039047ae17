import type { EngineEvent, FinishedEvent } from '../../shared/protocol/engine-protocol';
import type { Scenario } from '../../shared/scenario';
import { computeMetrics } from '../../shared/metrics/compute-metrics';
import { RunCancel } from './attempts/run-cancel';
import { type Executor, localExecutor, startThreadExecutor } from './executor';
import { moduleExports } from './kinds/module';
import { TaskPlan } from './plan/plan-tasks';
import { armLoopDelayMonitor, startSampler } from './probes/process-sampler';
import { startBatchSender } from './recording/batch-sender';
import { startClock } from './recording/run-clock';
import { RunRecorder } from './recording/run-recorder';
import { clearTrace, startRuntimeTrace, stopTrace, takeSlices } from './runtime/engine-trace';
import { CANCELLED_BEFORE_START, taskRunner } from './run-task';
import { prepareRun, type PrepareOptions, type PreparedRun } from './setup/prepare-run';
import { laneCount, strategyFor } from './strategies';
import { ignore } from './strategies/strategy-run';
import { errorMessage } from '../../shared/errors/error-message';

/** Where a run may write and read, how to stop it, and where its events go. */
export interface RunScenarioOptions extends PrepareOptions {
  /** Cancel: unfinished tasks end `cancelled`, the run ends `cancelled`. */
  signal?: AbortSignal;
  /**
   * Receives `started`, the batches, then `finished` or `failed` (never `ready`). When it returns a promise (the
   * event is on its way to another process), no further batch is sent until it resolves: what a slow parent has
   * not taken yet waits in the engine's compact columns, not in its message queue. Anything else it returns
   * (`events.push` gives a number) is ignored.
   */
  emit(event: EngineEvent): unknown;
}

type FailedEvent = Extract<EngineEvent, { type: 'failed' }>;

const STOPPED_BY_STRATEGY = 'never started: the strategy stopped at the first failure';

async function measure(scenario: Scenario, plan: TaskPlan, executor: Executor, cancel: RunCancel, emit: RunScenarioOptions['emit']): Promise<FinishedEvent> {
  const loopDelay = await armLoopDelayMonitor();
  const clock = startClock();
  const cpuAtStart = process.cpuUsage();
  const recorder = new RunRecorder(plan, clock);
  emit({ type: 'started', totalTasks: plan.count, lanes: laneCount(scenario.strategy, plan.count), startedAtEpochMs: clock.startedAtEpochMs });
  const sampler = startSampler(clock, loopDelay, () => recorder.inFlight, (sample) => recorder.addSample(sample));
  const tracing = startRuntimeTrace(scenario, clock);
  const sender = startBatchSender(recorder, emit, takeSlices);
  let wallMs: number;
  let loopDelayMs;
  try {
    const { timeoutMs, retries, retryDelayMs, seed } = scenario.options;
    const runTask = taskRunner({ plan, recorder, executor, policy: { timeoutMs, retries, retryDelayMs }, seed, cancel, clock, traced: tracing });
    const run = strategyFor(scenario.strategy)({ count: plan.count, runTask, cancelScope: () => cancel.scope() });
    await run.settled.then(ignore, ignore);
    wallMs = clock.now();
    recorder.markSettled(wallMs);
    await run.drained;
    if (cancel.aborted) recorder.recordUnstarted('cancelled', CANCELLED_BEFORE_START);
    else recorder.recordUnstarted('skipped', STOPPED_BY_STRATEGY);
  } finally {
    loopDelayMs = await sampler.stop();
    if (tracing) stopTrace();
    await sender.stop();
    if (tracing) clearTrace();
  }
  const cpu = process.cpuUsage(cpuAtStart);
  const metrics = computeMetrics({
    tasks: recorder.metricColumns(),
    samples: recorder.allSamples(),
    wallMs,
    cpu: { userMs: cpu.user / 1000, systemMs: cpu.system / 1000 },
    loopDelayMs,
  });
  // The samples stop before the last batches leave and these metrics are made, which take memory too: the
  // kernel's high-water mark of this process (kB) is the true peak.
  const peakRssBytes = Math.max(metrics.peakRssBytes, process.resourceUsage().maxRSS * 1024);
  return { type: 'finished', status: cancel.aborted ? 'cancelled' : 'completed', metrics: { ...metrics, peakRssBytes } };
}

/** Prepares the run and its executor; throws an Error naming what could not be set up, leaving nothing open. */
async function setUp(scenario: Scenario, inputs: PrepareOptions, count: number): Promise<{ prepared: PreparedRun; executor: Executor }> {
  const prepared = await prepareRun(scenario, inputs);
  const { strategy } = scenario;
  if (strategy.type !== 'workers') return { prepared, executor: localExecutor(prepared.env) };
  try {
    return { prepared, executor: await startThreadExecutor(Math.min(strategy.threads, count), prepared.env, prepared.queries, moduleExports(scenario.tasks, prepared.env.groupFiles)) };
  } catch (error) {
    await prepared.close();
    throw error;
  }
}

/**
 * Runs one scenario in this process: prepares what its tasks need, starts the clock, schedules the tasks
 * with the scenario's strategy, streams batched events through `emit`, waits for orphans, and ends with
 * `finished` (or `failed` when the run could not be set up). Returns that last event.
 */
export async function runScenario(scenario: Scenario, { signal, emit, ...inputs }: RunScenarioOptions): Promise<FinishedEvent | FailedEvent> {
  const plan = new TaskPlan(scenario);
  let setup;
  try {
    setup = await setUp(scenario, inputs, plan.count);
  } catch (error) {
    const failed: FailedEvent = { type: 'failed', message: errorMessage(error) };
    emit(failed);
    return failed;
  }
  const { prepared, executor } = setup;
  try {
    const finished = await measure(scenario, plan, executor, new RunCancel(signal), emit);
    emit(finished);
    return finished;
  } finally {
    await executor.close();
    await prepared.close();
  }
}
