import { z } from 'zod';
import { type ExternalEffect, ScenarioDirSchema, ScenarioSchema } from '../scenario';
import { method } from './define-api';

/** What a scenario from outside will do beyond its scratch folder, and whether the user has agreed to it. */
export interface ConsentCheck {
  /**
   * Every command it executes (and, with those kinds, module and database path it opens, absolute when the call named
   * the scenario's folder); empty: nothing to agree to.
   */
  effects: ExternalEffect[];
  /** The user chose Run for exactly this content from this folder before (an edited or moved scenario asks again). */
  granted: boolean;
}

/** `scenarioDir`: the folder of the scenario's file, which its relative paths start from (listed and agreed to absolute). */
const ScenarioArgsSchema = z.strictObject({ scenario: ScenarioSchema, scenarioDir: ScenarioDirSchema.optional() });

/**
 * Consent for scenarios that came from outside the app (opened from a file, dropped, imported with a run)
 * and execute code: the renderer asks before their first run; the answer is remembered by the backend
 * for the scenario's exact content (a hash of it).
 */
export const consentMethods = {
  /** What the scenario executes or opens, and whether Run was already chosen for this content. */
  'consent.check': method(ScenarioArgsSchema).returns<ConsentCheck>(),
  /** Remembers that the user chose Run for this exact content. */
  'consent.grant': method(ScenarioArgsSchema).returns<{ granted: true }>(),
};
