import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
// The flag exposes `gc` to contexts created after it is set: a fresh context hands it over.
const gc = runInNewContext('gc') as () => void;

/**
 * Collects garbage now, so that a run starts with the same clean heap whichever ran before it: otherwise the
 * buffers a plain run left (32 MB of file reads) make V8 collect in the middle of the engine run after it, or
 * the other way round, a pause of 10 ms or more that belongs to neither.
 */
export function collectGarbage(): void {
  gc();
}
