import { scenarioJsonSchema } from '../shared/scenario';

/** The text of `docs/scenario.schema.json`: the schema `shared/scenario/scenario-json-schema.ts` derives. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

export const SCENARIO_JSON_SCHEMA_PATH = 'docs/scenario.schema.json';
