import { z } from 'zod';
import { MAX_CONCURRENCY, ScenarioDirSchema, ScenarioSchema, StrategySchema } from '../scenario';
import { toProblems, type Problem } from '../validation/format-issues';
import { wholeNumber } from '../validation/numbers';

export const MAX_REPEAT_RUNS = 100;
export const MAX_WARMUP_RUNS = 20;
export const MAX_MATRIX_STRATEGIES = 20;
export const MAX_SWEEP_LEVELS = 20;

const name = z.string().trim().min(1).max(120).optional();
/** As in `runs.start`: where the scenario's relative `module` and `database` paths start. */
const scenarioDir = ScenarioDirSchema.optional();

/**
 * What an experiment runs. Every kind stores its counted runs under one experiment, and runs them one after
 * another, never two at once:
 * - `repeat`: the scenario `repeat` times, after `warmup` runs that are neither counted nor stored;
 * - `matrix`: the scenario once per strategy, in the given order;
 * - `sweep`: the scenario under a pool at concurrency 1, 2, 4, ... up to `maxConcurrency` (`sweepConcurrencies`), or
 *   at each of `concurrencies` (`listedConcurrencies`); exactly one of the two, and never past the task count.
 * - `variants`: several scenarios (a built-in scenario's variants), once each, in the given order; stored as a
 *   matrix, since it is one: one run per variant, compared with the first. With `presetId` and an `id` on each
 *   variant, the preset's expectations are judged on its runs (`variant-expectations.ts`).
 * `name` defaults to one made from the kind and the scenario's name; `scenarioDir` goes to every run.
 */
export const ExperimentSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('repeat'),
    name,
    scenarioDir,
    scenario: ScenarioSchema,
    repeat: wholeNumber(1, MAX_REPEAT_RUNS),
    warmup: wholeNumber(0, MAX_WARMUP_RUNS).default(0),
  }),
  z.strictObject({
    kind: z.literal('matrix'),
    name,
    scenarioDir,
    scenario: ScenarioSchema,
    strategies: z.array(StrategySchema).min(1).max(MAX_MATRIX_STRATEGIES),
  }),
  z.strictObject({
    kind: z.literal('variants'),
    name,
    scenarioDir,
    presetId: z.string().min(1).max(100).optional(),
    variants: z
      .array(z.strictObject({ id: z.string().min(1).max(60).optional(), label: z.string().trim().min(1).max(60), scenario: ScenarioSchema }))
      .min(1)
      .max(MAX_MATRIX_STRATEGIES),
  }),
  z
    .strictObject({
      kind: z.literal('sweep'),
      name,
      scenarioDir,
      scenario: ScenarioSchema,
      maxConcurrency: wholeNumber(1, MAX_CONCURRENCY).optional(),
      concurrencies: z.array(wholeNumber(1, MAX_CONCURRENCY)).min(1).max(MAX_SWEEP_LEVELS).optional(),
    })
    .refine((sweep) => (sweep.maxConcurrency === undefined) !== (sweep.concurrencies === undefined), {
      message: 'give either maxConcurrency (1, 2, 4, ... up to it) or concurrencies (a list such as [5, 10, 20, 40]), not both or neither',
      path: ['concurrencies'],
    }),
]);

export type ExperimentSpec = z.output<typeof ExperimentSpecSchema>;
export type ExperimentSpecInput = z.input<typeof ExperimentSpecSchema>;

/** The outcome of checking an experiment: the spec with defaults filled in, or every problem at once. */
export type ExperimentSpecCheck = { ok: true; spec: ExperimentSpec } | { ok: false; problems: Problem[] };

/** Checks an already-parsed value against the experiment format. Never throws. */
export function checkExperimentSpec(input: unknown): ExperimentSpecCheck {
  const result = ExperimentSpecSchema.safeParse(input);
  if (result.success) return { ok: true, spec: result.data };
  return { ok: false, problems: toProblems(result.error.issues, input) };
}
