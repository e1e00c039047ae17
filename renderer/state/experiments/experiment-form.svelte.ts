import type { ExperimentKind } from '../../../shared/api/experiment-methods';
import type { Scenario, Strategy, StrategyType } from '../../../shared/scenario';
import { planExperiment } from '../../../shared/experiments/experiment-plan';
import { checkExperimentSpec, type ExperimentSpecCheck } from '../../../shared/experiments/experiment-spec';
import { STRATEGY_GUIDES, defaultStrategy } from '../../../shared/strategies';

/** A strategy of the matrix: ticked or not, with its size for the sized ones (pool, batch, workers). */
export interface MatrixChoice {
  type: StrategyType;
  on: boolean;
  /** Null for a strategy without a size. */
  size: number | null;
}

/** The matrix starts with the three strategies most people compare first. */
const FIRST_MATRIX: readonly StrategyType[] = ['sequential', 'all', 'pool'];

/**
 * The Experiment panel's form: which kind, and its settings. `check(scenario)` gives the spec for
 * `experiments.run` with defaults filled in, or every problem in the settings at once.
 */
export class ExperimentForm {
  kind = $state<ExperimentKind>('repeat');
  /** Counted runs of a repeat. */
  repeat = $state<number | null>(5);
  /** Uncounted runs first, to warm caches and the JIT. */
  warmup = $state<number | null>(1);
  matrix = $state<MatrixChoice[]>(
    STRATEGY_GUIDES.map((guide) => ({ type: guide.type, on: FIRST_MATRIX.includes(guide.type), size: guide.size?.default ?? null })),
  );
  /** A sweep runs a pool at 1, 2, 4, ... up to this. */
  maxConcurrency = $state<number | null>(16);

  /** The ticked strategies, in the picker's order. */
  readonly strategies: Strategy[] = $derived(
    this.matrix.filter((choice) => choice.on).map((choice) => withSize(defaultStrategy(choice.type), choice.size)),
  );

  /** The checked spec for `experiments.run`, or every problem with the settings (paths like `repeat` or `strategies[1].concurrency`). */
  check(scenario: Scenario): ExperimentSpecCheck {
    return checkExperimentSpec(this.#draft(scenario));
  }

  /** How many runs the experiment will make (warm-ups included), or null while the settings are invalid. */
  runCount(scenario: Scenario): number | null {
    const check = this.check(scenario);
    return check.ok ? planExperiment(check.spec).length : null;
  }

  #draft(scenario: Scenario): Record<string, unknown> {
    switch (this.kind) {
      case 'repeat':
        return { kind: 'repeat', scenario, repeat: this.repeat, warmup: this.warmup ?? 0 };
      case 'matrix':
        return { kind: 'matrix', scenario, strategies: this.strategies };
      case 'sweep':
        return { kind: 'sweep', scenario, maxConcurrency: this.maxConcurrency };
    }
  }

  toggle(type: StrategyType, on: boolean): void {
    this.matrix = this.matrix.map((choice) => (choice.type === type ? { ...choice, on } : choice));
  }

  setSize(type: StrategyType, size: number | null): void {
    this.matrix = this.matrix.map((choice) => (choice.type === type ? { ...choice, size } : choice));
  }
}

function withSize(strategy: Strategy, size: number | null): Strategy {
  const field = STRATEGY_GUIDES.find((guide) => guide.type === strategy.type)?.size?.field;
  return field === undefined ? strategy : ({ ...strategy, [field]: size } as Strategy);
}
