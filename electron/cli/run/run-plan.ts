import type { Scenario, Strategy } from '../../../shared/scenario';
import { checkExperimentSpec, type ExperimentSpec, type ExperimentSpecInput } from '../../../shared/experiments/experiment-spec';
import { UsageError } from '../cli-error';
import { defaultStrategy } from '../../../shared/strategies';
import type { MatrixEntry, SweepLevelsOption } from '../options';

/** The flags of `run` that decide which runs it makes. */
export interface PlanFlags {
  strategy?: Strategy;
  repeat?: number;
  warmup?: number;
  /** `--matrix`: a bare sized type (`pool`) takes the scenario's own size when it uses that type. */
  matrix?: MatrixEntry[];
  /** The levels of `--sweep`: `pool:1..N` or `pool:5,10,20,40`. */
  sweep?: SweepLevelsOption;
  /** False with `--no-save`. */
  save: boolean;
}

/** What one `run` command does: the scenario once, or an experiment (a group of runs stored together). */
export type RunPlan = { kind: 'single'; scenario: Scenario } | { kind: 'experiment'; spec: ExperimentSpec };

/**
 * Decides what `run` does from its flags, refusing combinations that mean nothing: two kinds of experiment
 * at once, `--warmup` without `--repeat`, a strategy given twice, and an experiment that would not be
 * stored (an experiment is a group of stored runs, and `show --experiment` reopens it).
 */
export function planRuns(base: Scenario, flags: PlanFlags): RunPlan {
  const scenario = flags.strategy === undefined ? base : { ...base, strategy: flags.strategy };
  const given = experimentFlags(flags);
  if (given.length > 1) {
    throw UsageError.of(`${given[0]} and ${given[1]} cannot be used together: an experiment is either --repeat, --matrix or --sweep`);
  }
  if (flags.warmup !== undefined && flags.repeat === undefined) {
    throw UsageError.of('--warmup goes with --repeat: warm-up runs come before the counted repeats');
  }
  const flag = given[0];
  if (flag === undefined) return { kind: 'single', scenario };
  if (!flags.save) {
    throw UsageError.of(`${flag} stores its runs in the history as one experiment, so it cannot be used with --no-save`);
  }
  if (flags.strategy !== undefined && flag !== '--repeat') {
    throw UsageError.of(`${flag} sets the strategy of every run: leave out --strategy`);
  }
  return { kind: 'experiment', spec: checkedSpec(specInput(scenario, flags)) };
}

function experimentFlags(flags: PlanFlags): string[] {
  const given: string[] = [];
  if (flags.repeat !== undefined) given.push('--repeat');
  if (flags.matrix !== undefined) given.push('--matrix');
  if (flags.sweep !== undefined) given.push('--sweep');
  return given;
}

function specInput(scenario: Scenario, flags: PlanFlags): ExperimentSpecInput {
  if (flags.matrix !== undefined) {
    const own = (type: string) => (scenario.strategy.type === type ? scenario.strategy : undefined);
    const strategies = flags.matrix.map((entry) => (typeof entry === 'string' ? (own(entry) ?? defaultStrategy(entry)) : entry));
    return { kind: 'matrix', scenario, strategies };
  }
  if (flags.sweep !== undefined) return { kind: 'sweep', scenario, ...flags.sweep };
  return { kind: 'repeat', scenario, repeat: flags.repeat ?? 1, warmup: flags.warmup ?? 0 };
}

function checkedSpec(input: ExperimentSpecInput): ExperimentSpec {
  const check = checkExperimentSpec(input);
  if (check.ok) return check.spec;
  throw new UsageError(check.problems.map((p) => `experiment: ${p.path}: ${p.message}`));
}
