import type { Scenario } from './scenario-schema';

/** The scenario has `http` tasks without a `url`: they call the built-in target server. */
export function needsTarget(scenario: Pick<Scenario, 'tasks'>): boolean {
  return scenario.tasks.some((spec) => spec.kind === 'http' && spec.url === undefined);
}

/**
 * The backend starts the built-in target in a process of its own for this run (and passes its URL to the
 * engine or runner): whenever the target is needed, unless the scenario keeps it in the engine (`options.target:
 * "in-engine"`, to show a server under load on the engine's own loop).
 */
export function needsTargetProcess(scenario: Pick<Scenario, 'tasks' | 'options'>): boolean {
  return needsTarget(scenario) && scenario.options.target !== 'in-engine';
}
