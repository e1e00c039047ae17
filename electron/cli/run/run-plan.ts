import type { Scenario } from '../../../shared/scenario/scenario-schema';
import type { Strategy } from '../../../shared/scenario/strategy';
import { strategyText } from '../../../shared/scenario/strategy-text';
import type { PlannedRun } from '../../../shared/stats/experiment-plan';

export type { PlannedRun } from '../../../shared/stats/experiment-plan';

/** The flags of `run` that decide which runs it makes. */
export interface PlanFlags {
  strategy?: Strategy;
}

/**
 * The runs one `run` command makes, one after another. Today that is the scenario once, with its
 * strategy replaced by `--strategy`; repeats, matrices and sweeps plan more runs here (`planExperiment`).
 */
export function planRuns(base: Scenario, flags: PlanFlags): PlannedRun[] {
  const scenario = flags.strategy === undefined ? base : { ...base, strategy: flags.strategy };
  return [{ scenario, warmup: false, label: strategyText(scenario.strategy) }];
}
