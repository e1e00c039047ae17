import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExperiment } from '../../../electron/backend/experiments';
import type { HistoryStore } from '../../../electron/backend/history';
import { forkLauncher } from '../../../electron/backend/runs/fork-launcher';
import { builtEngineEntry } from '../../fixtures/built-app';
import { RunService } from '../../../electron/backend/runs/run-service';
import type { ScenarioInput } from '../../../shared/scenario';

/** Hashes on a libuv thread pool of two: more than two at once buys nothing but waiting, so a sweep has a knee. */
export const HASHES: ScenarioInput = {
  version: 1,
  name: 'Thirty-two pbkdf2 hashes on two threads',
  strategy: { type: 'pool', concurrency: 4 },
  options: { threadpoolSize: 2 },
  tasks: [{ kind: 'crypto', count: 32, iterations: 20_000 }],
};

/** Timers a strategy changes a lot: sequential is about `count` times slower than all at once. */
export const TIMERS: ScenarioInput = {
  version: 1,
  name: 'Twenty timers of 40 ms',
  strategy: { type: 'all' },
  tasks: [{ kind: 'timer', count: 20, ms: 40, jitterMs: 20 }],
};

/** Ids of the experiments `seedExperiments` made. */
export interface SeededExperiments {
  matrix: number;
  sweep: number;
  /** Timers on a pool of two, repeated. */
  repeat: number;
  /** The same timers all at once, repeated: compared with `repeat`, the difference is significant. */
  repeatAll: number;
}

/** Real runs through the engine: a strategy matrix and two repeats of timers, and a concurrency sweep of hashes. */
export async function seedExperiments(store: HistoryStore): Promise<SeededExperiments> {
  const scratchRoot = await mkdtemp(join(tmpdir(), 'ce-seed-'));
  try {
    const service = new RunService({ store, launcher: forkLauncher(builtEngineEntry()), scratchRoot });
    const matrix = await runExperiment(service, store, {
      kind: 'matrix',
      scenario: TIMERS,
      strategies: [{ type: 'sequential' }, { type: 'pool', concurrency: 4 }, { type: 'all' }],
    });
    const sweep = await runExperiment(service, store, { kind: 'sweep', scenario: HASHES, maxConcurrency: 16 });
    const repeat = await runExperiment(service, store, { kind: 'repeat', scenario: { ...TIMERS, strategy: { type: 'pool', concurrency: 2 } }, repeat: 4 });
    const repeatAll = await runExperiment(service, store, { kind: 'repeat', scenario: { ...TIMERS, name: `${TIMERS.name}, all at once` }, repeat: 4 });
    return { matrix: matrix.experimentId, sweep: sweep.experimentId, repeat: repeat.experimentId, repeatAll: repeatAll.experimentId };
  } finally {
    await rm(scratchRoot, { recursive: true, force: true });
  }
}
