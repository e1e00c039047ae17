import type { EngineLauncher } from '../runs/engine-launcher';
import { runnerLauncher } from './runner-launcher';
import { RUNTIME_RUNNERS } from './runtime-registry';
import type { RunnerRuntime } from './runtime-runner';

/** One launcher per runner of the registry, for the RunService to pick by `scenario.runtime`. */
export function defaultRuntimeLaunchers(options: { env?: NodeJS.ProcessEnv } = {}): Partial<Record<RunnerRuntime, EngineLauncher>> {
  return Object.fromEntries(RUNTIME_RUNNERS.map((runner) => [runner.name, runnerLauncher(runner, { env: options.env })]));
}
