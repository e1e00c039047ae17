import { pbkdf2 } from 'node:crypto';
import type { KindCall, SpecOf } from './kind-call';

/**
 * `crypto.pbkdf2` with `iterations`: the work runs on the libuv thread pool, so `threadpoolSize` decides how
 * many run at once. A pool thread cannot be interrupted: on abort the task stops waiting, the thread finishes.
 */
export function runCrypto(spec: SpecOf<'crypto'>, call: KindCall): Promise<void> {
  return new Promise((resolve, reject) => {
    call.abort.onAbort(reject);
    pbkdf2('concurrency-explorer', `salt-${call.index}`, spec.iterations, 64, 'sha512', (error) => {
      if (error) reject(error);
      else resolve();
    });
  });
}
