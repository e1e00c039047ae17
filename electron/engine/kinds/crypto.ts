import { pbkdf2 } from 'node:crypto';
import type { KindCall, SpecOf } from './kind-call';

/**
 * `crypto.pbkdf2` with `iterations`: the work runs on the libuv thread pool, so `threadpoolSize` decides how
 * many run at once. A pool thread cannot be interrupted: on abort the task stops waiting, the thread finishes.
 */
export function runCrypto(spec: SpecOf<'crypto'>, call: KindCall): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(call.signal.reason);
    if (call.signal.aborted) return onAbort();
    call.signal.addEventListener('abort', onAbort, { once: true });
    pbkdf2('concurrency-explorer', `salt-${call.index}`, spec.iterations, 64, 'sha512', (error) => {
      call.signal.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    });
  });
}
