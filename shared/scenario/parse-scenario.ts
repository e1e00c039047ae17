import { ScenarioSchema, type Scenario } from './scenario-schema';
import { scenarioJsonSchema } from './scenario-json-schema';
import { toProblems, type Problem } from '../validation/format-issues';
import { fieldsAt } from '../validation/schema-fields';
import { errorMessage } from '../errors/error-message';
import { withoutByteOrderMark } from '../validation/format-version';

/** The outcome of checking a scenario: the scenario with defaults filled in, or every problem at once. */
export type ScenarioCheck = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

/** Checks an already-parsed JSON value against the scenario format. Never throws. */
export function checkScenario(input: unknown): ScenarioCheck {
  const result = ScenarioSchema.safeParse(input);
  if (result.success) return { ok: true, scenario: result.data };
  return { ok: false, problems: toProblems(result.error.issues, input, (path) => fieldsAt(scenarioJsonSchema(), input, path)) };
}

/**
 * Checks scenario text (JSON); a syntax error is reported as a problem with its position. A UTF-8 byte-order
 * mark at the start is accepted.
 */
export function checkScenarioText(text: string): ScenarioCheck {
  let value: unknown;
  try {
    value = JSON.parse(withoutByteOrderMark(text));
  } catch (error) {
    return { ok: false, problems: [{ path: '(root)', message: `is not valid JSON: ${errorMessage(error)}` }] };
  }
  return checkScenario(value);
}
