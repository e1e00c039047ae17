import { setFlagsFromString } from 'node:v8';
import { setTimeout as sleep } from 'node:timers/promises';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
// The flag exposes `gc` to contexts created after it is set: a fresh context hands it over.
const gc = runInNewContext('gc') as () => void;

/**
 * How long a forced collection keeps disturbing the process after it returns. Measured on the loaded 2-core
 * machine (two hashes started at once by the engine, 30 runs each): the second hash's start was more than 2 ms
 * late in 13 of 30 runs started at once after the collection, 6 after 50 ms, 3 after 200 ms, and 7 of 30 plainly
 * (whose clock starts only after its shown code is compiled); waiting before the collection did not help.
 */
const SETTLE_MS = 100;

/**
 * Collects garbage now, so that a run starts with the same clean heap whichever ran before it: otherwise the
 * buffers a plain run left (32 MB of file reads) make V8 collect in the middle of the engine run after it, or
 * the other way round, a pause of 10 ms or more that belongs to neither. Then waits until the collection has
 * stopped taking the cores (its work after it returns), which would otherwise fall on the run's first ms.
 */
export async function collectGarbage(): Promise<void> {
  gc();
  await sleep(SETTLE_MS);
}
