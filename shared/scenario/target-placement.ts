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

/** The host of an http(s) URL (`[::1]` for IPv6), lower case. */
function hostOf(url: string): string {
  return (/^https?:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(url)?.[1] ?? '').toLowerCase();
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
}

/** The hosts beyond this computer that the scenario's `http` tasks call, in scenario order, each once. */
export function remoteHosts(scenario: Pick<Scenario, 'tasks'>): string[] {
  const hosts = scenario.tasks.flatMap((spec) => (spec.kind === 'http' && spec.url !== undefined ? [hostOf(spec.url)] : []));
  return [...new Set(hosts.filter((host) => !isLoopback(host)))];
}

/** What a run's summary says when tasks called other computers, or null when every request stayed on this one. */
export function remoteMeasurementNote(scenario: Pick<Scenario, 'tasks'>): string | null {
  const hosts = remoteHosts(scenario);
  if (hosts.length === 0) return null;
  return `Requests went to ${hosts.join(', ')}: the remote side's behaviour (its load, the network, its rate limits) is part of this measurement.`;
}
