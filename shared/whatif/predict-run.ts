import { taskMetrics, type TaskMetrics } from '../metrics/compute-metrics';
import type { RunMetrics } from '../metrics/metrics-schema';
import type { TaskRecord } from '../protocol/task-record';
import type { Scenario, Strategy } from '../scenario';
import { simulate } from './simulation';
import { planWork, poolCapacity } from './work-plan';

/** A recorded run and the strategy to replay it under. */
export interface WhatIfInput {
  /** The recorded run's scenario (its strategy is the one the records were measured under). */
  scenario: Scenario;
  /** The recorded run's task records. */
  tasks: readonly TaskRecord[];
  /** The strategy to predict. */
  strategy: Strategy;
  /** CPU cores the engine can use at once (worker threads and CPU-bound pool work are bounded by them). */
  cores: number;
  /** The libuv pool size to predict with; the recorded run's own when absent. */
  threadpoolSize?: number;
}

/** What the records alone decide of a run's metrics, with its wall time: what a prediction can say. */
export type PredictedMetrics = TaskMetrics & Pick<RunMetrics, 'wallMs'>;

/** A predicted run: every task's record (the engine's shape, for the timeline) and its metrics. */
export interface Prediction {
  strategy: Strategy;
  tasks: TaskRecord[];
  metrics: PredictedMetrics;
}

/**
 * Predicts what the recorded run would have done under `input.strategy`: the measured work of every attempt
 * (failures, retries and timeouts as recorded), scheduled by the engine's rules for that strategy over the
 * event loop, the libuv pool and the cores. Pure: the same input gives the same prediction.
 */
export function predictRun(input: WhatIfInput): Prediction {
  const { scenario, strategy, cores } = input;
  const recordedPool = scenario.options.threadpoolSize;
  const usableCores = Math.max(1, cores);
  const plans = planWork(scenario, input.tasks, { cores: usableCores, threadpoolSize: recordedPool });
  const threadpoolSize = input.threadpoolSize ?? recordedPool;
  const { timeoutMs, retries, retryDelayMs } = scenario.options;
  const run = simulate(plans, {
    strategy,
    timeoutMs,
    retries,
    retryDelayMs,
    poolCapacity: poolCapacity(scenario, { cores: usableCores, threadpoolSize }),
    cores: usableCores,
  });
  return { strategy, tasks: run.tasks, metrics: { wallMs: run.wallMs, ...taskMetrics(run.tasks, run.wallMs) } };
}

/** The predicted numbers `whatif --json` prints and the UI sets beside the measured ones. */
export type PredictedSummary = Pick<PredictedMetrics, 'wallMs' | 'throughputPerSec' | 'latencyMs' | 'waitMs' | 'maxInFlight'>;

export function predictedSummary({ wallMs, throughputPerSec, latencyMs, waitMs, maxInFlight }: PredictedMetrics): PredictedSummary {
  return { wallMs, throughputPerSec, latencyMs, waitMs, maxInFlight };
}

/** How far a prediction was from the measurement, in percent of the measurement (signed: + predicted too high). */
export function predictionErrorPercent(predicted: number, measured: number): number {
  return measured === 0 ? (predicted === 0 ? 0 : Infinity) : ((predicted - measured) / measured) * 100;
}

/** The scenario with its strategy replaced: the variant "Run it for real" runs. */
export function scenarioWithStrategy(scenario: Scenario, strategy: Strategy, threadpoolSize?: number): Scenario {
  const options = threadpoolSize === undefined ? scenario.options : { ...scenario.options, threadpoolSize };
  return { ...scenario, strategy, options };
}
