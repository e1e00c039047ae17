import { z } from 'zod';
import { ScenarioSchema } from '../shared/scenario';

/** The JSON Schema editors use for scenario files, derived from the one zod schema. */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', target: 'draft-2020-12' });
  const document = {
    ...schema,
    $id: 'https://concurrency-explorer.local/scenario.schema.json',
    title: 'Concurrency Explorer scenario',
    description: 'A workload (task groups) and how to schedule it (strategy). Version 1.',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export const SCENARIO_JSON_SCHEMA_PATH = 'docs/scenario.schema.json';
