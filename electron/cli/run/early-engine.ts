import { DEFAULT_THREADPOOL_SIZE } from '../../../shared/protocol/threadpool-size';
import type { EngineLauncher } from '../../backend/runs/engine-launcher';
import type { SpareEngineLauncher } from '../../backend/runs/spare-engine-launcher';

/**
 * The engine process of a `run`, started as soon as the command line names `run`: it boots while the CLI loads the
 * rest of the command, reads the scenario and opens the history, instead of after all of that (an engine takes
 * about as long to start as the CLI itself). It is started with the default thread-pool size; a scenario that
 * asks for another gets a fresh engine. Whatever the command does, `closeEarlyEngine` ends an engine left waiting.
 */
let early: Promise<SpareEngineLauncher> | null = null;

async function launchEarly(): Promise<SpareEngineLauncher> {
  const [{ forkLauncher }, { spareEngineLauncher }] = await Promise.all([import('../../backend/runs/fork-launcher'), import('../../backend/runs/spare-engine-launcher')]);
  return spareEngineLauncher(forkLauncher(), { threadpoolSize: DEFAULT_THREADPOOL_SIZE });
}

/** Starts the engine of a coming run now (once). */
export function startEarlyEngine(): void {
  early ??= launchEarly();
}

/**
 * The launcher runs use: the first launch gets the early engine when one was started (and no spare is started
 * after it: a CLI makes its runs one after another and then exits); every other launch forks an engine then.
 */
export async function cliEngineLauncher(): Promise<EngineLauncher> {
  if (early === null) return (await import('../../backend/runs/fork-launcher')).forkLauncher();
  const spares = await early;
  return {
    launch: (options) => {
      const engine = spares.launch(options);
      spares.close();
      return engine;
    },
  };
}

/** Ends the engine still waiting (the one started early, or the spare started after a run's engine exited). */
export async function closeEarlyEngine(): Promise<void> {
  if (early === null) return;
  const launcher = early;
  early = null;
  (await launcher).close();
}
