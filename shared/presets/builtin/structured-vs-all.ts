import type { Preset } from '../preset';
import { allVsAllSettled } from './all-vs-allsettled';

/** Fail fast and leave the rest running, against fail fast and cancel the rest. */
export const structuredVsAll: Preset = {
  id: 'structured-vs-all',
  concept: 'Errors, timeouts, retries and cancellation',
  title: 'Structured concurrency cancels what Promise.all leaves running',
  explanation:
    'Twenty tasks of 100 to 500 ms, about one in five failing. Promise.all rejects at the first failure and the other tasks run on with nobody waiting for them. The structured strategy hands every task the signal of one AbortController and aborts it at the first failure, so the tasks still running stop there.',
  notice:
    'Both settle at the first failure. With Promise.all the tasks still running are orphaned (hatched) and end later, ok or error, unobserved; with structured those same tasks end cancelled at the moment of the first failure, and no task is orphaned.',
  expectations: [
    { metric: 'orphaned', variant: 'all', op: '>', value: 0 },
    { metric: 'orphaned', variant: 'structured', op: '<=', value: 0 },
    { metric: 'cancelled', variant: 'structured', op: '>', value: 0 },
    // Both settle at the same first failure.
    { metric: 'wallMs', variant: 'structured', op: '<', factor: 2, of: 'all' },
    { metric: 'wallMs', variant: 'all', op: '<', factor: 2, of: 'structured' },
  ],
  // The tasks of the all-vs-allsettled experiment, so that the two lessons show the same runs of Promise.all.
  scenario: { ...allVsAllSettled.scenario, name: 'Twenty tasks, some failing, cancelled at the first failure' },
  variants: [
    { id: 'all', label: 'Promise.all', strategy: { type: 'all' } },
    { id: 'structured', label: 'Structured', strategy: { type: 'structured' } },
  ],
};
