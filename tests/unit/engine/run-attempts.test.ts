import { describe, expect, it } from 'vitest';
import type { AttemptAbort } from '../../../electron/engine/attempts/attempt-abort';
import { runAttempts } from '../../../electron/engine/attempts/run-attempts';
import { RunCancel } from '../../../electron/engine/attempts/run-cancel';

const policy = { timeoutMs: 1_000, retries: 0, retryDelayMs: 0 };
const never = new RunCancel(undefined);

describe('runAttempts', () => {
  it('retries after failures, doubling the wait each time, until an attempt succeeds', async () => {
    const attemptsAt: number[] = [];
    const outcome = await runAttempts(
      async () => {
        attemptsAt.push(performance.now());
        if (attemptsAt.length < 3) throw new Error(`failure ${attemptsAt.length}`);
      },
      { ...policy, retries: 5, retryDelayMs: 30 },
      never,
    );
    expect(outcome).toEqual({ status: 'ok', error: null, attempts: 3 });
    const [first = 0, second = 0, third = 0] = attemptsAt;
    // Timers never fire early (Node rounds to whole ms, hence the 1 ms slack): the waits are at least 30 and 60 ms.
    expect(second - first).toBeGreaterThanOrEqual(29);
    expect(third - second).toBeGreaterThanOrEqual(59);
  });

  it('keeps the last error when every attempt fails', async () => {
    let calls = 0;
    const outcome = await runAttempts(
      async () => {
        calls += 1;
        throw new Error(`failure ${calls}`);
      },
      { ...policy, retries: 2 },
      never,
    );
    expect(outcome).toEqual({ status: 'error', error: 'failure 3', attempts: 3 });
  });

  it('gives up an attempt at its timeout and tells the operation, by callback and by signal', async () => {
    let abort: AttemptAbort | undefined;
    let toldReason: Error | undefined;
    const outcome = await runAttempts(
      (attemptAbort) => {
        abort = attemptAbort;
        attemptAbort.onAbort((reason) => (toldReason = reason));
        return new Promise(() => {});
      },
      { ...policy, timeoutMs: 20 },
      never,
    );
    expect(outcome).toEqual({ status: 'timeout', error: 'timed out after 20 ms', attempts: 1 });
    expect(toldReason?.message).toBe('timed out after 20 ms');
    expect(abort?.signal.aborted).toBe(true);
  });

  it('ends at once on cancel, also while waiting to retry', async () => {
    const cancel = new AbortController();
    const running = runAttempts(
      async () => {
        setTimeout(() => cancel.abort(), 10);
        throw new Error('failure');
      },
      { ...policy, retries: 3, retryDelayMs: 60_000 },
      new RunCancel(cancel.signal),
    );
    await expect(running).resolves.toEqual({ status: 'cancelled', error: 'cancelled', attempts: 1 });
  });

  it('does not start an attempt once cancelled', async () => {
    const cancel = new AbortController();
    cancel.abort();
    let calls = 0;
    const outcome = await runAttempts(async () => void (calls += 1), policy, new RunCancel(cancel.signal));
    expect(outcome.status).toBe('cancelled');
    expect(calls).toBe(0);
  });
});
