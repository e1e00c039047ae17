import type { ExperimentKind } from '../../../shared/api/experiment-methods';
import type { Scenario, Strategy, StrategyType } from '../../../shared/scenario';
import { planExperiment, sweepLevels } from '../../../shared/experiments/experiment-plan';
import { checkExperimentSpec, type ExperimentSpecCheck } from '../../../shared/experiments/experiment-spec';
import { STRATEGY_GUIDES, defaultStrategy, strategyGuide } from '../../../shared/strategies';

/** A strategy of the matrix: ticked or not, with its size for the sized ones (pool, batch, workers). */
export interface MatrixChoice {
  /** Tells copies of one type apart (`pool:5` and `pool:20` in one matrix). */
  id: number;
  type: StrategyType;
  on: boolean;
  /** Null means the default: the scenario's own size when it uses this type, else the guide's. */
  size: number | null;
  /** 0 for the picker's own entry of a type, 1, 2, ... for the copies added to it. */
  copy: number;
}

/** How a sweep picks its pool sizes: 1, 2, 4, ... up to a maximum, or a list the user typed. */
export type SweepMode = 'powers' | 'list';

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
    STRATEGY_GUIDES.map((guide, id) => ({ id, type: guide.type, on: FIRST_MATRIX.includes(guide.type), size: null, copy: 0 })),
  );
  sweepMode = $state<SweepMode>('powers');
  /** A powers sweep runs a pool at 1, 2, 4, ... up to this. */
  maxConcurrency = $state<number | null>(16);
  /** A list sweep's pool sizes as typed: `5, 10, 20, 40`. */
  sweepList = $state('5, 10, 20, 40');
  #nextId = STRATEGY_GUIDES.length;

  /** The ticked strategies, in the matrix's order, with each size defaulted from `scenario`. */
  strategies(scenario: Scenario): Strategy[] {
    return this.matrix.filter((choice) => choice.on).map((choice) => matrixStrategy(choice, scenario));
  }

  /** The size a choice runs with when its box is empty. */
  defaultSize(type: StrategyType, scenario: Scenario | null): number | null {
    const field = strategyGuide(type).size?.field;
    if (field === undefined) return null;
    const own = scenario?.strategy.type === type ? (scenario.strategy as Record<string, unknown>)[field] : undefined;
    return typeof own === 'number' ? own : (strategyGuide(type).size?.default ?? null);
  }

  /** The checked spec for `experiments.run`, or every problem with the settings (paths like `repeat` or `strategies[1].concurrency`). */
  check(scenario: Scenario): ExperimentSpecCheck {
    return checkExperimentSpec(this.#draft(scenario));
  }

  /** How many runs the experiment will make (warm-ups included), or null while the settings are invalid. */
  runCount(scenario: Scenario): number | null {
    const check = this.check(scenario);
    return check.ok ? planExperiment(check.spec).length : null;
  }

  /** The pool sizes the sweep will run for `scenario`, or none while the settings are invalid. */
  sweepLevels(scenario: Scenario): number[] {
    const check = this.check(scenario);
    return check.ok && check.spec.kind === 'sweep' ? sweepLevels(check.spec) : [];
  }

  #draft(scenario: Scenario): Record<string, unknown> {
    switch (this.kind) {
      case 'repeat':
        return { kind: 'repeat', scenario, repeat: this.repeat, warmup: this.warmup ?? 0 };
      case 'matrix':
        return { kind: 'matrix', scenario, strategies: this.strategies(scenario) };
      case 'sweep':
        return this.sweepMode === 'powers'
          ? { kind: 'sweep', scenario, maxConcurrency: this.maxConcurrency }
          : { kind: 'sweep', scenario, concurrencies: readList(this.sweepList) };
    }
  }

  toggle(id: number, on: boolean): void {
    this.matrix = this.matrix.map((choice) => (choice.id === id ? { ...choice, on } : choice));
  }

  setSize(id: number, size: number | null): void {
    this.matrix = this.matrix.map((choice) => (choice.id === id ? { ...choice, size } : choice));
  }

  /** Adds another entry of the same type right after the last one, ticked: `pool:5` and `pool:20` in one matrix. */
  addCopy(type: StrategyType): void {
    const last = this.matrix.findLastIndex((choice) => choice.type === type);
    const copy = Math.max(...this.matrix.filter((choice) => choice.type === type).map((choice) => choice.copy)) + 1;
    const added: MatrixChoice = { id: this.#nextId++, type, on: true, size: null, copy };
    this.matrix = [...this.matrix.slice(0, last + 1), added, ...this.matrix.slice(last + 1)];
  }

  /** Removes an added copy; the picker's own entry of each type stays (untick it instead). */
  removeCopy(id: number): void {
    this.matrix = this.matrix.filter((choice) => choice.id !== id || choice.copy === 0);
  }
}

/** The name of a matrix entry: the strategy's label, numbered for copies (`Bounded pool 2`). */
export function matrixChoiceLabel(choice: MatrixChoice): string {
  const label = strategyGuide(choice.type).label;
  return choice.copy === 0 ? label : `${label} ${choice.copy + 1}`;
}

function matrixStrategy(choice: MatrixChoice, scenario: Scenario): Strategy {
  const own = scenario.strategy.type === choice.type ? scenario.strategy : undefined;
  const strategy = own ?? defaultStrategy(choice.type);
  const field = strategyGuide(choice.type).size?.field;
  return field === undefined || choice.size === null ? strategy : ({ ...strategy, [field]: choice.size } as Strategy);
}

/** `5, 10 20` as numbers; anything else stays as NaN so that the check names its place in the list. */
function readList(text: string): number[] {
  return text
    .split(/[\s,]+/)
    .filter((item) => item !== '')
    .map((item) => (/^\d+$/.test(item) ? Number(item) : Number.NaN));
}
