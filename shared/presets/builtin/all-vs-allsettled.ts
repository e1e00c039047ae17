import type { Preset } from '../preset';

/** Fail-fast against keeping every result. */
export const allVsAllSettled: Preset = {
  id: 'all-vs-allsettled',
  concept: 'Promise.all vs Promise.allSettled',
  title: 'Promise.all fails fast, Promise.allSettled keeps every result',
  explanation:
    'Twenty tasks of 100 to 500 ms, about one in five failing. Promise.all rejects at the first failure and the program moves on, while the other tasks keep running with nobody waiting for their results. Promise.allSettled waits for every task and reports each one as fulfilled or rejected.',
  notice:
    'With Promise.all the run settles at the first failure, long before the last task ends: the tasks still running are orphaned (hatched), and their outcomes, ok or error, reach no code. With allSettled the run waits for every task. The tasks themselves end the same way under both.',
  expectations: [
    { metric: 'wallMs', variant: 'all', op: '<', factor: 1, of: 'allSettled' },
    { metric: 'orphaned', variant: 'all', op: '>', value: 0 },
    { metric: 'orphaned', variant: 'allSettled', op: '<=', value: 0 },
  ],
  scenario: {
    version: 1,
    name: 'Twenty tasks, some failing',
    strategy: { type: 'all' },
    options: { seed: 7 },
    tasks: [{ kind: 'timer', count: 20, ms: 100, jitterMs: 400, failRate: 0.2 }],
  },
  variants: [
    { id: 'all', label: 'Promise.all', strategy: { type: 'all' } },
    { id: 'allSettled', label: 'Promise.allSettled', strategy: { type: 'allSettled' } },
  ],
};
