import type { Preset } from '../preset';

/** Waiting concurrently: ten timers one after another, then all at once. */
export const sequentialVsAll: Preset = {
  id: 'sequential-vs-all',
  concept: 'Concurrency vs parallelism',
  title: 'Sequential await vs Promise.all',
  explanation:
    'Ten tasks that each wait 100 ms. Awaited one after another they take ten times as long; started together with Promise.all they wait at the same time on one thread. That is concurrency without any parallelism: nothing runs at once, the waits overlap.',
  notice: 'Wall time drops from about 1 s to about 0.1 s, while each task still takes 100 ms. The timeline goes from a staircase to one column.',
  expectations: [
    { metric: 'wallMs', variant: 'sequential', op: '>=', factor: 3, of: 'all' },
    { metric: 'maxInFlight', variant: 'sequential', op: '<=', value: 1 },
    { metric: 'maxInFlight', variant: 'all', op: '>=', value: 10 },
  ],
  scenario: {
    version: 1,
    name: 'Ten timers',
    strategy: { type: 'sequential' },
    tasks: [{ kind: 'timer', count: 10, ms: 100 }],
  },
  variants: [
    { id: 'sequential', label: 'sequential', strategy: { type: 'sequential' } },
    { id: 'all', label: 'Promise.all', strategy: { type: 'all' } },
  ],
};
