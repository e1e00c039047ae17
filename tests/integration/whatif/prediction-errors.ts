import type { Strategy } from '../../../shared/scenario';
import { predictionErrorPercent } from '../../../shared/whatif';

/** One strategy's predicted wall time beside the measured one. */
export interface PredictionError {
  strategy: string;
  predictedMs: number;
  measuredMs: number;
  /** Signed, in percent of the measurement. */
  errorPercent: number;
}

/** Measures each strategy in turn (never two real runs at once: they would share the cores). */
export async function predictionErrors(
  strategies: readonly Strategy[],
  measure: (strategy: Strategy) => Promise<{ strategy: string; predictedMs: number; measuredMs: number }>,
): Promise<PredictionError[]> {
  const errors: PredictionError[] = [];
  for (const strategy of strategies) {
    const { predictedMs, measuredMs, strategy: name } = await measure(strategy);
    errors.push({ strategy: name, predictedMs, measuredMs, errorPercent: predictionErrorPercent(predictedMs, measuredMs) });
  }
  return errors;
}
