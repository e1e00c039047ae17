import type { z } from 'zod';
import { RUNTIME_LABELS, RUNTIMES, type Runtime, type ScenarioInput, type ScenarioOptionsSchema, type StrategySchema, type TaskGroupInput } from '../scenario';
import type { Expectation } from './expectation';

/** The concepts of the product brief, in the order a UI lists them. */
export const PRESET_CONCEPTS = [
  'Concurrency vs parallelism',
  'The event loop',
  'Callbacks, promises and async/await',
  'Promise.all vs Promise.allSettled',
  'Limiting concurrency',
  'Errors, timeouts, retries and cancellation',
  'I/O-bound vs CPU-bound',
  'Thread-pool exhaustion',
  'Servers under load',
  'Runtimes compared',
] as const;
export type PresetConcept = (typeof PRESET_CONCEPTS)[number];

/**
 * One way to run a preset's scenario: what it changes from the base scenario. Running every variant of a
 * preset (a matrix) shows its point side by side.
 */
export interface PresetVariant {
  /** Short and stable within the preset: `sequential`, `threads-1`. */
  id: string;
  label: string;
  strategy?: z.input<typeof StrategySchema>;
  /** Merged over the base scenario's options. */
  options?: Partial<z.input<typeof ScenarioOptionsSchema>>;
  /** Replaces the base scenario's task groups. */
  tasks?: TaskGroupInput[];
  /** Runs the scenario on another runtime. */
  runtime?: Runtime;
}

/** One variant per runtime, each named by its runtime (`node`, `python`, ...): a preset that compares runtimes. */
export function variantPerRuntime(): PresetVariant[] {
  return RUNTIMES.map((runtime) => ({ id: runtime, label: RUNTIME_LABELS[runtime], runtime }));
}

/** A built-in experiment: a scenario that makes one concept visible, and the variants to compare. */
export interface Preset {
  /** Stable, kebab-case: `sequential-vs-all`. */
  id: string;
  concept: PresetConcept;
  title: string;
  /** Two or three sentences: what the experiment does and why it behaves as it does. */
  explanation: string;
  /** What to look at in the timeline and the numbers. */
  notice: string;
  /**
   * The claim of `explanation` and `notice` as checks over the variants' metrics: what the integration test
   * of the presets asserts and the workbench shows as met or not on the user's machine.
   */
  expectations: Expectation[];
  /** The base scenario; it is the same as the first variant. */
  scenario: ScenarioInput;
  /** At least two. */
  variants: PresetVariant[];
}

/** The scenario a variant runs: the base scenario with the variant's changes, named after both. */
export function variantScenario(preset: Preset, variant: PresetVariant): ScenarioInput {
  return {
    ...preset.scenario,
    name: `${preset.scenario.name} — ${variant.label}`,
    strategy: variant.strategy ?? preset.scenario.strategy,
    options: { ...preset.scenario.options, ...variant.options },
    tasks: variant.tasks ?? preset.scenario.tasks,
    ...(variant.runtime === undefined ? {} : { runtime: variant.runtime }),
  };
}
