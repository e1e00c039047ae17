import { createHash } from 'node:crypto';
import type { Scenario } from '../../../shared/scenario';

/**
 * SHA-256 (hex) of a checked scenario's JSON. The schema fills in defaults and fixes the key order, so the
 * same scenario has the same hash however its file was spaced, and any change of content changes it.
 */
export function scenarioContentHash(scenario: Scenario): string {
  return createHash('sha256').update(JSON.stringify(scenario)).digest('hex');
}
