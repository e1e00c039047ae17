import { describe, expect, it } from 'vitest';
import type { AttemptAbort } from '../../../electron/engine/attempts/attempt-abort';
import { AttemptRunner, type AttemptPolicy } from '../../../electron/engine/attempts/run-attempts';
import { RunCancel } from '../../../electron/engine/attempts/run-cancel';
import type { WorkResult } from '../../../electron/engine/kinds/execute-kind';
import { preciseEpochMs, startClock } from '../../../electron/engine/recording/run-clock';

const policy = { timeoutMs: 1_000, retries: 0, retryDelayMs: 0 };
const never = new RunCancel(undefined);
const clock = startClock();
const done = (error: string | null = null, startEpochMs = preciseEpochMs()): WorkResult => ({ startEpochMs, endEpochMs: preciseEpochMs(), error });
/** Runs attempts of work that answers with a promise, as the engine's kinds and worker threads do. */
const runAttempts = (operation: (abort: AttemptAbort) => Promise<WorkResult>, attemptPolicy: AttemptPolicy, cancel: RunCancel) =>
  new AttemptRunner(attemptPolicy, clock).run((attempt) => {
    operation(attempt).then(
      (result) => attempt.workEnded(result),
      (error: unknown) => attempt.workFailed(error),
    );
  }, cancel);
const busyFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('AttemptRunner', () => {
  it('retries after failures, doubling the wait each time, until an attempt succeeds', async () => {
    const attemptsAt: number[] = [];
    const outcome = await runAttempts(
      async () => {
        attemptsAt.push(performance.now());
        return done(attemptsAt.length < 3 ? `failure ${attemptsAt.length}` : null);
      },
      { ...policy, retries: 5, retryDelayMs: 30 },
      never,
    );
    expect(outcome).toMatchObject({ status: 'ok', error: null, attempts: 3 });
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
    expect(outcome).toMatchObject({ status: 'error', error: 'failure 3', attempts: 3 });
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
    expect(outcome).toMatchObject({ status: 'timeout', error: 'timed out after 20 ms', attempts: 1 });
    expect(toldReason?.message).toBe('timed out after 20 ms');
    expect(abort?.signal.aborted).toBe(true);
  });

  it('times out attempts that started at different moments each at its own deadline, though they share one timer', async () => {
    const runner = new AttemptRunner({ ...policy, timeoutMs: 40 }, clock);
    // Work that never ends.
    const hang = () => {};
    const first = runner.run(hang, never);
    await new Promise((resolve) => setTimeout(resolve, 25));
    const second = runner.run(hang, never);
    const [a, b] = await Promise.all([first, second]);
    expect([a.status, b.status]).toEqual(['timeout', 'timeout']);
    // Timers never fire early but for Node's whole-ms rounding, hence the 1 ms slack.
    expect(a.endMs - a.startMs).toBeGreaterThanOrEqual(39);
    expect(b.endMs - b.startMs).toBeGreaterThanOrEqual(39);
    expect(b.startMs - a.startMs).toBeGreaterThanOrEqual(24);
    expect(b.endMs - a.endMs).toBeGreaterThanOrEqual(20);
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
    await expect(running).resolves.toMatchObject({ status: 'cancelled', error: 'cancelled', attempts: 1 });
  });

  it('does not start an attempt once cancelled', async () => {
    const cancel = new AbortController();
    cancel.abort();
    let calls = 0;
    const outcome = await runAttempts(
      async () => {
        calls += 1;
        return done();
      },
      policy,
      new RunCancel(cancel.signal),
    );
    expect(outcome.status).toBe('cancelled');
    expect(calls).toBe(0);
  });

  it('ends an attempt when its work ended, not when the result could be heard', async () => {
    let workEndedAt = 0;
    const outcome = await runAttempts(
      async () => {
        const result = done();
        workEndedAt = clock.fromEpochMs(result.endEpochMs);
        busyFor(60);
        return result;
      },
      policy,
      never,
    );
    expect(outcome.endMs).toBe(workEndedAt);
    expect(clock.now() - outcome.endMs).toBeGreaterThanOrEqual(60);
  });

  it('starts a task when its first attempt\'s work began, as the thread that ran it stamped it', async () => {
    const attemptedMs = clock.now();
    const workStartsEpochMs: number[] = [];
    const outcome = await runAttempts(
      async () => {
        // As on a worker thread: the work begins a while after the engine handed the attempt over.
        await new Promise((resolve) => setTimeout(resolve, 20));
        workStartsEpochMs.push(preciseEpochMs());
        return done(workStartsEpochMs.length < 2 ? 'first attempt fails' : null, workStartsEpochMs.at(-1));
      },
      { ...policy, retries: 1, retryDelayMs: 10 },
      never,
    );
    expect(outcome).toMatchObject({ status: 'ok', attempts: 2 });
    expect(outcome.startMs).toBe(clock.fromEpochMs(workStartsEpochMs[0]!));
    expect(outcome.startMs - attemptedMs).toBeGreaterThanOrEqual(19);
  });

  it('records a timeout the blocked loop could not fire on time at the time it was due, noting how late it was', async () => {
    const startedMs = clock.now();
    const running = runAttempts(() => new Promise<WorkResult>(() => {}), { ...policy, timeoutMs: 20 }, never);
    busyFor(150);
    const outcome = await running;
    expect(outcome.status).toBe('timeout');
    expect(outcome.endMs - startedMs).toBeGreaterThanOrEqual(20);
    expect(outcome.endMs - startedMs).toBeLessThan(100);
    expect(outcome.error).toMatch(/^timed out after 20 ms \(it fired \d+ ms late: the event loop was blocked\)$/);
  });
});
