import type { Preset } from '../preset';

/** Fail-fast against keeping every result. */
export const allVsAllSettled: Preset = {
  id: 'all-vs-allsettled',
  concept: 'Promise.all vs Promise.allSettled',
  title: 'Promise.all fails fast, Promise.allSettled keeps every result',
  explanation:
    'Twenty tasks of 100 to 500 ms, about one in five failing. Promise.all rejects at the first failure and the program moves on, while the other tasks keep running with nobody waiting for their results. Promise.allSettled waits for every task and reports each one as fulfilled or rejected.',
  notice: 'With Promise.all the run ends at the first failure and the tasks still running are marked orphaned; with allSettled every task has a result and more of them end ok.',
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
