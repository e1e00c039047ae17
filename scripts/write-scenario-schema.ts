import { writeFileSync } from 'node:fs';
import { SCENARIO_JSON_SCHEMA_PATH, scenarioJsonSchema } from './scenario-json-schema';

writeFileSync(SCENARIO_JSON_SCHEMA_PATH, scenarioJsonSchema());
console.log(`wrote ${SCENARIO_JSON_SCHEMA_PATH}`);
