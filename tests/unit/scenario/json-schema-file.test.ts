import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCENARIO_JSON_SCHEMA_PATH, scenarioJsonSchemaText } from '../../../scripts/scenario-json-schema';

describe(SCENARIO_JSON_SCHEMA_PATH, () => {
  it('is up to date with the scenario schema (run `npm run schema` after changing it)', () => {
    expect(readFileSync(SCENARIO_JSON_SCHEMA_PATH, 'utf8')).toBe(scenarioJsonSchemaText());
  });
});
