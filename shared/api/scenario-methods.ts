import { z } from 'zod';
import type { Preset } from '../presets/preset';
import type { SavedScenario } from '../run/saved-scenario';
import { type ScenarioCheck, ScenarioSchema } from '../scenario';
import { plainText } from '../validation/plain-text';
import { ByIdSchema, IdSchema, method, NoArgsSchema } from './define-api';

/** Scenario text longer than this is refused before it is parsed. */
export const MAX_SCENARIO_TEXT_CHARS = 1_000_000;

/** The built-in experiments and the scenarios the user saved. */
export interface ScenarioList {
  builtIn: Preset[];
  saved: SavedScenario[];
}

/** Scenarios: the built-in ones (read-only) and the user's saved ones. */
export const scenarioMethods = {
  /** Every built-in experiment, in concept order, and every saved scenario. */
  'scenarios.list': method(NoArgsSchema).returns<ScenarioList>(),
  /** One saved scenario; `not_found` when there is none with that id. */
  'scenarios.get': method(ByIdSchema).returns<SavedScenario>(),
  /** Saves a new scenario, or replaces the one with `id`. */
  'scenarios.save': method(
    z.strictObject({ id: IdSchema.optional(), name: plainText().trim().min(1).max(120), scenario: ScenarioSchema }),
  ).returns<SavedScenario>(),
  /** `deleted` is false when there was no saved scenario with that id. */
  'scenarios.delete': method(ByIdSchema).returns<{ deleted: boolean }>(),
  /** Checks scenario text (JSON) as the editor holds it: the scenario with defaults, or every problem. */
  'scenarios.validate': method(z.strictObject({ text: z.string().max(MAX_SCENARIO_TEXT_CHARS) })).returns<ScenarioCheck>(),
};
