import type { Runtime, Strategy } from '../scenario';
import { goStrategyCode } from './go-code';
import { javaStrategyCode } from './java-code';
import { pythonStrategyCode } from './python-code';
import { strategyCode } from './strategy-code';

/** The language "Show code" shows for a runtime, for its label. */
export const CODE_LANGUAGES: Readonly<Record<Runtime, string>> = { node: 'TypeScript', python: 'Python', go: 'Go', java: 'Java' };

/**
 * How each runtime writes a strategy plainly; a runtime's runner adds its own entry. Null: no idiom (the scenario
 * check refuses that strategy there) or no code written for it yet.
 */
const CODE_BY_RUNTIME: Partial<Record<Runtime, (strategy: Strategy) => string | null>> = {
  node: strategyCode,
  python: pythonStrategyCode,
  go: goStrategyCode,
  java: javaStrategyCode,
};

/** The plain code `strategy` amounts to on `runtime`, or null when there is none to show. */
export function strategyCodeOn(runtime: Runtime, strategy: Strategy): string | null {
  return CODE_BY_RUNTIME[runtime]?.(strategy) ?? null;
}
