import { detectRuntimes } from '../runtimes/runtime-registry';
import type { ApiHandlers } from './api-endpoint';

type RuntimeHandlers = Pick<ApiHandlers, 'runtimes.list'>;

/** Detection runs on every call: a toolchain installed while the app is open shows up in the picker. */
export function runtimeHandlers(): RuntimeHandlers {
  return {
    'runtimes.list': async () => ({ runtimes: await detectRuntimes() }),
  };
}
