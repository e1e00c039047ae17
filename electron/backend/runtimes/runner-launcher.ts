import type { EngineLauncher } from '../runs/engine-launcher';
import { RunnerProcess } from './runner-process';
import type { RuntimeRunner } from './runtime-runner';

/**
 * Starts another runtime's runner behind the same interface as the Node engine. `threadpoolSize` is libuv's and
 * means nothing to other runtimes; the launch's `onProgress` hears what a long preparation (a first build) is doing.
 */
export function runnerLauncher(runner: RuntimeRunner, options: { env?: NodeJS.ProcessEnv } = {}): EngineLauncher {
  return {
    launch: ({ onProgress }) => new RunnerProcess(runner, options.env ?? process.env, onProgress ?? (() => {})),
  };
}
