import { describe, expect, it } from 'vitest';
import type { Strategy } from '../../../shared/scenario';
import { measurePredictions, type PredictionError, type Workload } from './prediction-errors';

/*
 * The what-if simulator against real runs: one recorded run per workload, its prediction for pool:N,
 * sequential and all, and those strategies run for real in the same test. Each task's work (100 ms timers
 * and answers, 50 ms of CPU) is long beside a loaded machine's scheduling noise of a few ms.
 */

const PREDICTED: readonly Strategy[] = [{ type: 'pool', concurrency: 4 }, { type: 'sequential' }, { type: 'all' }];
// A recording and three real runs per try, up to three tries.
const ACCURACY_TEST_TIMEOUT_MS = 300_000;

/** The errors over the tolerance, after up to three tries: a load burst can spoil one try, not three alike. */
async function beyond(tolerancePercent: number, workload: Workload): Promise<PredictionError[]> {
  let worst: PredictionError[] = [];
  for (let attempt = 0; attempt < 3; attempt += 1) {
    worst = (await measurePredictions(workload, PREDICTED)).filter((error) => Math.abs(error.errorPercent) > tolerancePercent);
    if (worst.length === 0) return [];
  }
  return worst;
}

describe('what-if predictions against real runs', () => {
  it('timers: predicted wall time within 15% of the real run', async () => {
    expect(await beyond(15, { strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 16, ms: 100 }] })).toEqual([]);
  }, ACCURACY_TEST_TIMEOUT_MS);

  it('HTTP to the built-in target: predicted wall time within 15% of the real run', async () => {
    expect(await beyond(15, { strategy: { type: 'all' }, tasks: [{ kind: 'http', count: 12, latencyMs: 100 }] })).toEqual([]);
  }, ACCURACY_TEST_TIMEOUT_MS);

  it('CPU work: predicted wall time within 25% of the real run', async () => {
    expect(await beyond(25, { strategy: { type: 'sequential' }, tasks: [{ kind: 'cpu', count: 8, ms: 50 }] })).toEqual([]);
  }, ACCURACY_TEST_TIMEOUT_MS);
});
