import { describe, expect, it } from 'vitest';
import { runInProcess } from './run-in-process';

// A task ends when its own work ends: CPU work started one after another by `Promise.all` ends one after
// another, even though the strategy only hears of every result once the loop is free again.
describe('task times are the work\'s own', () => {
  it('Promise.all over CPU tasks: each ends when its work ended, the result waits for the loop', async () => {
    const { records, finished } = await runInProcess({ strategy: { type: 'all' }, tasks: [{ kind: 'cpu', count: 4, ms: 40 }] });
    for (let i = 1; i < records.length; i++) expect(records[i]!.startMs).toBeGreaterThanOrEqual(records[i - 1]!.endMs);
    for (const record of records) expect(record.endMs - record.startMs).toBeGreaterThanOrEqual(40);
    const lastEnd = records[records.length - 1]!.endMs;
    // Nobody could hear of the first result before the loop was free, after the last task's work.
    expect(records[0]!.observedMs).toBeGreaterThanOrEqual(lastEnd);
    expect(finished.metrics.maxInFlight).toBe(1);
    expect(finished.metrics.effectiveConcurrency).toBeLessThanOrEqual(1.01);
    expect(finished.metrics.deliveryDelayMs.max).toBeGreaterThanOrEqual(3 * 40);
    expect(finished.metrics.latencyMs.max).toBeLessThan(finished.metrics.deliveryDelayMs.max);
  });

  it('sequential CPU tasks: the loop delay max is the whole block, from the delay histogram', async () => {
    const { finished } = await runInProcess({ strategy: { type: 'all' }, tasks: [{ kind: 'cpu', count: 4, ms: 50 }] });
    // The four tasks run in one synchronous stretch of about 200 ms: the loop could not turn during it.
    expect(finished.metrics.loopDelayMs.max).toBeGreaterThanOrEqual(150);
  });

  it('a result nothing held up is observed in the same turn of the loop, well within its own work', async () => {
    const { records } = await runInProcess({ strategy: { type: 'allSettled' }, tasks: [{ kind: 'timer', count: 3, ms: 50 }] });
    // A few promise reactions apart; the bound is generous so that a descheduled process cannot fail it.
    for (const record of records) expect(record.observedMs - record.endMs).toBeLessThan(25);
  });
});
