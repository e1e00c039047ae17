import type { Preset } from './preset';
import { sequentialVsAll } from './builtin/sequential-vs-all';
import { cpuLoopVsWorkers } from './builtin/cpu-loop-vs-workers';
import { fileSyncVsAsync } from './builtin/file-sync-vs-async';
import { sqliteBlocksLoop } from './builtin/sqlite-blocks-loop';
import { callbacksVsPromises } from './builtin/callbacks-vs-promises';
import { allVsAllSettled } from './builtin/all-vs-allsettled';
import { poolVsUnbounded } from './builtin/pool-vs-unbounded';
import { timeoutsAndRetries } from './builtin/timeouts-and-retries';
import { structuredVsAll } from './builtin/structured-vs-all';
import { threadpoolExhaustion } from './builtin/threadpool-exhaustion';
import { serverUnderLoad } from './builtin/server-under-load';
import { ioOnFourRuntimes } from './builtin/io-on-four-runtimes';
import { cpuThreadsOnFourRuntimes } from './builtin/cpu-threads-on-four-runtimes';

export * from './preset';
export * from './expectation';
export * from './expectation-verdict';

/** Every built-in experiment, in the order of `PRESET_CONCEPTS`. */
export const PRESETS: readonly Preset[] = [
  sequentialVsAll,
  fileSyncVsAsync,
  sqliteBlocksLoop,
  callbacksVsPromises,
  allVsAllSettled,
  poolVsUnbounded,
  timeoutsAndRetries,
  structuredVsAll,
  cpuLoopVsWorkers,
  threadpoolExhaustion,
  serverUnderLoad,
  ioOnFourRuntimes,
  cpuThreadsOnFourRuntimes,
];

/** The built-in experiment with this id, if any. */
export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
