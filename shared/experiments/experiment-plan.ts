import type { ExperimentKind } from '../run/experiment';
import { strategyText, type Scenario } from '../scenario';
import type { ExperimentSpec } from './experiment-spec';

/** One run an experiment will make, in the order it makes them. */
export interface PlannedRun {
  /** The scenario as this run runs it (the strategy set for a matrix or sweep). */
  scenario: Scenario;
  /** Warm-up runs are run but neither counted nor stored. */
  warmup: boolean;
  /** Names the run among its experiment's: `repeat 2/5`, `warm-up 1/1`, `pool:4`. */
  label: string;
  /** The stored run's name: `Timers (pool:4)`, or a variant's own scenario name. */
  name: string;
}

const MAX_RUN_NAME_LENGTH = 120;

/** Every run of an experiment, in order: warm-ups first. */
export function planExperiment(spec: ExperimentSpec): PlannedRun[] {
  if (spec.kind === 'variants') {
    return spec.variants.map(({ label, scenario }) => ({ scenario, warmup: false, label, name: scenario.name }));
  }
  return runsOf(spec).map((run) => ({ ...run, name: runName(spec.scenario.name, run.label) }));
}

/** How an experiment is stored: a run of variants is a matrix (one run per variant, compared with the first). */
export function storedExperimentKind(spec: ExperimentSpec): ExperimentKind {
  return spec.kind === 'variants' ? 'matrix' : spec.kind;
}

/** `Timers (pool:4)`, shortening the scenario's name rather than the label when it is too long. */
function runName(scenarioName: string, label: string): string {
  const suffix = ` (${label})`;
  return `${scenarioName.slice(0, MAX_RUN_NAME_LENGTH - suffix.length)}${suffix}`;
}

type SingleScenarioSpec = Exclude<ExperimentSpec, { kind: 'variants' }>;

function runsOf(spec: SingleScenarioSpec): Omit<PlannedRun, 'name'>[] {
  switch (spec.kind) {
    case 'repeat':
      return [
        ...numbered(spec.warmup, (i) => ({ scenario: spec.scenario, warmup: true, label: `warm-up ${i}/${spec.warmup}` })),
        ...numbered(spec.repeat, (i) => ({ scenario: spec.scenario, warmup: false, label: `repeat ${i}/${spec.repeat}` })),
      ];
    case 'matrix':
      return spec.strategies.map((strategy) => ({
        scenario: { ...spec.scenario, strategy },
        warmup: false,
        label: strategyText(strategy),
      }));
    case 'sweep': {
      const { strategy } = spec.scenario;
      const onFailure = strategy.type === 'pool' && strategy.onFailure !== undefined ? { onFailure: strategy.onFailure } : {};
      return sweepLevels(spec).map((concurrency) => {
        const swept = { type: 'pool' as const, concurrency, ...onFailure };
        return { scenario: { ...spec.scenario, strategy: swept }, warmup: false, label: strategyText(swept) };
      });
    }
  }
}

/** The pool sizes a sweep runs, in order: its list or powers of two up to its maximum, never past the task count. */
export function sweepLevels(spec: Extract<ExperimentSpec, { kind: 'sweep' }>): number[] {
  const taskCount = spec.scenario.tasks.reduce((sum, group) => sum + group.count, 0);
  if (spec.concurrencies !== undefined) return listedConcurrencies(spec.concurrencies, taskCount);
  return sweepConcurrencies(spec.maxConcurrency ?? taskCount, taskCount);
}

function numbered(count: number, make: (ordinal: number) => Omit<PlannedRun, 'name'>): Omit<PlannedRun, 'name'>[] {
  return Array.from({ length: count }, (_, i) => make(i + 1));
}

/** The experiment's name: the spec's, or one made from the kind and the scenario's name. */
export function experimentName(spec: ExperimentSpec): string {
  if (spec.name !== undefined) return spec.name;
  if (spec.kind === 'variants') return `All ${spec.variants.length} variants: ${spec.variants[0]?.scenario.name ?? ''}`.slice(0, 120);
  const what =
    spec.kind === 'repeat'
      ? `Repeat x${spec.repeat}`
      : spec.kind === 'matrix'
        ? `Matrix of ${spec.strategies.length}`
        : spec.concurrencies !== undefined
          ? `Sweep of pool:${sweepLevels(spec).join(',')}`
          : `Sweep to pool:${spec.maxConcurrency}`;
  return `${what}: ${spec.scenario.name}`.slice(0, 120);
}

/** What the experiment varied, as stored with it (JSON). */
export function experimentParams(spec: ExperimentSpec): Record<string, unknown> {
  switch (spec.kind) {
    case 'variants':
      return { variants: spec.variants.map((variant) => variant.label), scenarioNames: spec.variants.map((variant) => variant.scenario.name) };
    case 'repeat':
      return { scenarioName: spec.scenario.name, repeat: spec.repeat, warmup: spec.warmup };
    case 'matrix':
      return { scenarioName: spec.scenario.name, strategies: spec.strategies.map(strategyText) };
    case 'sweep':
      return { scenarioName: spec.scenario.name, maxConcurrency: spec.maxConcurrency ?? null, concurrencies: sweepLevels(spec) };
  }
}

/**
 * The concurrencies a sweep up to `max` runs: 1, 2, 4, ... (powers of two below `max`), then `max` itself;
 * never past `taskCount`, since a pool larger than its tasks runs them just as a pool of `taskCount` does.
 */
export function sweepConcurrencies(max: number, taskCount = Infinity): number[] {
  if (!Number.isInteger(max) || max < 1) throw new Error(`a sweep needs a whole maximum concurrency >= 1, got ${max}`);
  const top = Math.min(max, taskCount);
  const levels: number[] = [];
  for (let level = 1; level < top; level *= 2) levels.push(level);
  levels.push(top);
  return levels;
}

/**
 * The concurrencies of a sweep given as a list (5, 10, 20, 40): ascending, each once, and any above
 * `taskCount` replaced by `taskCount` itself.
 */
export function listedConcurrencies(list: readonly number[], taskCount = Infinity): number[] {
  return [...new Set(list.map((level) => Math.min(level, taskCount)))].sort((a, b) => a - b);
}
