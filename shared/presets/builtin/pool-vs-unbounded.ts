import type { Preset } from '../preset';

/** A bounded pool against firing every request at once. */
export const poolVsUnbounded: Preset = {
  id: 'pool-vs-unbounded',
  concept: 'Limiting concurrency',
  title: 'A pool of 4 or 8 vs everything at once',
  explanation:
    'Forty requests to the built-in HTTP server, each answered after about 100 ms. Promise.all sends all forty at once, which a real API would often rate-limit or refuse; a pool keeps at most N in flight and starts the next one as soon as a slot frees up.',
  notice: 'In flight never goes above the pool size (4 or 8 lanes in the timeline), and wall time is about 40 / N times 100 ms. Wait time grows as the pool shrinks, latency does not.',
  expectations: [
    { metric: 'maxInFlight', variant: 'pool-4', op: '<=', value: 4 },
    { metric: 'maxInFlight', variant: 'pool-8', op: '<=', value: 8 },
    { metric: 'maxInFlight', variant: 'all', op: '>', value: 8 },
    { metric: 'waitMs.p50', variant: 'pool-4', op: '>', factor: 1, of: 'pool-8' },
    { metric: 'latencyMs.p50', variant: 'pool-4', op: '<', factor: 2, of: 'pool-8' },
    { metric: 'wallMs', variant: 'pool-4', op: '>', factor: 1, of: 'all' },
  ],
  scenario: {
    version: 1,
    name: 'Forty HTTP requests',
    strategy: { type: 'all' },
    tasks: [{ kind: 'http', count: 40, latencyMs: 100, bytes: 1024 }],
  },
  variants: [
    { id: 'all', label: 'Promise.all (unbounded)', strategy: { type: 'all' } },
    { id: 'pool-8', label: 'pool of 8', strategy: { type: 'pool', concurrency: 8 } },
    { id: 'pool-4', label: 'pool of 4', strategy: { type: 'pool', concurrency: 4 } },
  ],
};
