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
}

/** Every run of an experiment, in order: warm-ups first. */
export function planExperiment(spec: ExperimentSpec): PlannedRun[] {
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
    case 'sweep':
      return sweepConcurrencies(spec.maxConcurrency).map((concurrency) => ({
        scenario: { ...spec.scenario, strategy: { type: 'pool', concurrency } },
        warmup: false,
        label: `pool:${concurrency}`,
      }));
  }
}

function numbered(count: number, make: (ordinal: number) => PlannedRun): PlannedRun[] {
  return Array.from({ length: count }, (_, i) => make(i + 1));
}

/** The experiment's name: the spec's, or one made from the kind and the scenario's name. */
export function experimentName(spec: ExperimentSpec): string {
  if (spec.name !== undefined) return spec.name;
  const what =
    spec.kind === 'repeat'
      ? `Repeat x${spec.repeat}`
      : spec.kind === 'matrix'
        ? `Matrix of ${spec.strategies.length}`
        : `Sweep to pool:${spec.maxConcurrency}`;
  return `${what}: ${spec.scenario.name}`.slice(0, 120);
}

/** What the experiment varied, as stored with it (JSON). */
export function experimentParams(spec: ExperimentSpec): Record<string, unknown> {
  switch (spec.kind) {
    case 'repeat':
      return { scenarioName: spec.scenario.name, repeat: spec.repeat, warmup: spec.warmup };
    case 'matrix':
      return { scenarioName: spec.scenario.name, strategies: spec.strategies.map(strategyText) };
    case 'sweep':
      return { scenarioName: spec.scenario.name, maxConcurrency: spec.maxConcurrency, concurrencies: sweepConcurrencies(spec.maxConcurrency) };
  }
}

/** The concurrencies a sweep up to `max` runs: 1, 2, 4, ... (powers of two below `max`), then `max` itself. */
export function sweepConcurrencies(max: number): number[] {
  if (!Number.isInteger(max) || max < 1) throw new Error(`a sweep needs a whole maximum concurrency >= 1, got ${max}`);
  const levels: number[] = [];
  for (let level = 1; level < max; level *= 2) levels.push(level);
  levels.push(max);
  return levels;
}
