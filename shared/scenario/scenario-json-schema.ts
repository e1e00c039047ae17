import { z } from 'zod';
import type { JsonSchemaNode } from '../validation/schema-fields';
import { ScenarioSchema } from './scenario-schema';

let cached: JsonSchemaNode | null = null;

/**
 * The JSON Schema of scenario files, derived from the one zod schema: `docs/scenario.schema.json` (written by
 * `npm run schema`), the JSON editor's completion and the "did you mean" of unknown fields all read this.
 */
export function scenarioJsonSchema(): JsonSchemaNode {
  cached ??= {
    ...(z.toJSONSchema(ScenarioSchema, { io: 'input', target: 'draft-2020-12' }) as JsonSchemaNode),
    $id: 'https://concurrency-explorer.local/scenario.schema.json',
    title: 'Concurrency Explorer scenario',
    description: 'A workload (task groups) and how to schedule it (strategy). Version 1.',
  };
  return cached;
}
