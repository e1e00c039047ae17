import type { Preset } from '../preset';

/** A flaky, slow API: per-attempt timeouts, then retries with backoff. */
export const timeoutsAndRetries: Preset = {
  id: 'timeouts-and-retries',
  concept: 'Errors, timeouts, retries and cancellation',
  title: 'Timeouts and retries against a flaky server',
  explanation:
    'Thirty requests to a server that answers in 50 to 450 ms and fails one request in four, each attempt getting 300 ms before it counts as a timeout. Without retries every failure and timeout is final; with two retries (after 50 ms, then 100 ms) most requests get through on a later attempt.',
  notice: 'More tasks end ok with retries, at the price of a longer tail: the p99 latency and the wall time grow. The attempts column shows which tasks needed a second or third try. Press Cancel during a run: the tasks not yet done end as cancelled.',
  expectations: [
    { metric: 'timedOut', variant: 'no-retries', op: '>', value: 0 },
    { metric: 'ok', variant: 'retries-2', op: '>', factor: 1, of: 'no-retries' },
    { metric: 'latencyMs.p99', variant: 'retries-2', op: '>', factor: 1, of: 'no-retries' },
    { metric: 'wallMs', variant: 'retries-2', op: '>', factor: 1, of: 'no-retries' },
  ],
  scenario: {
    version: 1,
    name: 'Thirty requests to a flaky server',
    strategy: { type: 'allSettled' },
    options: { timeoutMs: 300, retries: 0, retryDelayMs: 50, seed: 3 },
    tasks: [{ kind: 'http', count: 30, latencyMs: 50, jitterMs: 400, failRate: 0.25 }],
  },
  variants: [
    { id: 'no-retries', label: 'no retries', options: { retries: 0 } },
    { id: 'retries-2', label: '2 retries', options: { retries: 2 } },
  ],
};
