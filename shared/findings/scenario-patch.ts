import type { ScenarioInput } from '../scenario';
import type { Finding } from './finding-schema';

/** A finding's suggestion: what to call the variant and what to change. */
export type FindingSuggestion = NonNullable<Finding['suggestion']>;

/** Longest scenario name the schema takes. */
const MAX_NAME_CHARS = 120;

/**
 * The variant a finding suggests: the run's scenario with the patch's strategy in place of its own and the
 * patch's options over its own, named after both (`Ten timers — Try pool:8`). The result is scenario input:
 * the caller validates it like any other (a patch can never smuggle in a field the schema refuses).
 */
export function applySuggestion(scenario: ScenarioInput, suggestion: FindingSuggestion): ScenarioInput {
  const { strategy, options } = suggestion.scenarioPatch;
  return {
    ...scenario,
    name: `${scenario.name} — ${suggestion.label}`.slice(0, MAX_NAME_CHARS),
    strategy: (strategy ?? scenario.strategy) as ScenarioInput['strategy'],
    options: { ...scenario.options, ...options },
  };
}
