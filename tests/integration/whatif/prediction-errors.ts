import { availableParallelism } from 'node:os';
import { ScenarioSchema, strategyText, type ScenarioInput, type Strategy } from '../../../shared/scenario';
import { predictionErrorPercent, predictRun } from '../../../shared/whatif';
import { finishedOf, runEngine, scenario } from '../engine/run-engine';

/** One strategy's predicted wall time beside the measured one. */
export interface PredictionError {
  strategy: string;
  predictedMs: number;
  measuredMs: number;
  /** Signed, in percent of the measurement. */
  errorPercent: number;
}

/** A workload as the engine tests write it: a scenario without its version and name. */
export type Workload = Omit<ScenarioInput, 'version' | 'name'>;

/**
 * Records `workload` once with a real engine, predicts each of `strategies` from that recording, and runs each
 * for real right after, one at a time (two real runs at once would share the cores).
 */
export async function measurePredictions(workload: Workload, strategies: readonly Strategy[]): Promise<PredictionError[]> {
  const recordedScenario = scenario(workload);
  const recorded = await runEngine(recordedScenario, { threadpoolSize: workload.options?.threadpoolSize ?? 4 });
  finishedOf(recorded);
  const parsed = ScenarioSchema.parse(recordedScenario);
  const errors: PredictionError[] = [];
  for (const strategy of strategies) {
    const predictedMs = predictRun({ scenario: parsed, tasks: recorded.records, strategy, cores: availableParallelism() }).metrics.wallMs;
    const real = await runEngine({ ...recordedScenario, strategy }, { threadpoolSize: parsed.options.threadpoolSize });
    const measuredMs = finishedOf(real).metrics.wallMs;
    errors.push({ strategy: strategyText(strategy), predictedMs, measuredMs, errorPercent: predictionErrorPercent(predictedMs, measuredMs) });
  }
  return errors;
}
