import type { Preset } from '../preset';

/** pbkdf2 on a libuv thread pool of 1 thread vs 4. */
export const threadpoolExhaustion: Preset = {
  id: 'threadpool-exhaustion',
  concept: 'Thread-pool exhaustion',
  title: 'The libuv thread pool: 1 thread vs 4',
  explanation:
    'Eight pbkdf2 hashes started at once with Promise.all. They do not run on the event loop but on the libuv thread pool, which fs and dns share and which has only UV_THREADPOOL_SIZE threads (4 by default). With a pool of one thread they queue behind each other although the code looks fully concurrent.',
  notice: 'With 1 thread the pool track is a single lane with a long queue: each hash waits behind the one before, its lead-in growing like a staircase. With 4 threads four lanes run at once, the waits shrink, and wall time drops by as many cores as the machine can give them.',
  expectations: [{ metric: 'wallMs', variant: 'threads-1', op: '>=', factor: 1.2, of: 'threads-4', needsCores: 2 }],
  scenario: {
    version: 1,
    name: 'Eight pbkdf2 hashes',
    strategy: { type: 'all' },
    options: { threadpoolSize: 1, trace: 'runtime' },
    tasks: [{ kind: 'crypto', count: 8, iterations: 50_000 }],
  },
  variants: [
    { id: 'threads-1', label: 'UV_THREADPOOL_SIZE=1', options: { threadpoolSize: 1 } },
    { id: 'threads-4', label: 'UV_THREADPOOL_SIZE=4', options: { threadpoolSize: 4 } },
  ],
};
