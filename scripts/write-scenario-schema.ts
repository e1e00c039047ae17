import { writeFileSync } from 'node:fs';
import { SCENARIO_JSON_SCHEMA_PATH, scenarioJsonSchemaText } from './scenario-json-schema';

writeFileSync(SCENARIO_JSON_SCHEMA_PATH, scenarioJsonSchemaText());
console.log(`wrote ${SCENARIO_JSON_SCHEMA_PATH}`);
