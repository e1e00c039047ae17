import type { Preset } from '../preset';

/** The same concurrent work orchestrated with callbacks and with promises. */
export const callbacksVsPromises: Preset = {
  id: 'callbacks-vs-promises',
  concept: 'Callbacks, promises and async/await',
  title: 'Callbacks vs promises vs async/await',
  explanation:
    'Twenty timer and file-write tasks started together, once orchestrated with Node-style callbacks and a counter, once with Promise.all and await. Callbacks, promises and async/await are different syntax for the same thing: start the work, then continue when it reports back.',
  notice: 'Both runs have the same shape in the timeline and about the same wall time; only the code (shown beside the strategy) differs.',
  expectations: [
    { metric: 'wallMs', variant: 'callbacks', op: '<=', factor: 2, of: 'promises' },
    { metric: 'wallMs', variant: 'promises', op: '<=', factor: 2, of: 'callbacks' },
  ],
  scenario: {
    version: 1,
    name: 'Timers and writes',
    strategy: { type: 'callbacks' },
    tasks: [
      { kind: 'timer', count: 10, ms: 200, jitterMs: 100 },
      { kind: 'file-write', count: 10, bytes: 256 * 1024 },
    ],
  },
  variants: [
    { id: 'callbacks', label: 'callbacks', strategy: { type: 'callbacks' } },
    { id: 'promises', label: 'promises (await Promise.all)', strategy: { type: 'all' } },
  ],
};
