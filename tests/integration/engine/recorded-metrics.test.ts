import { describe, expect, it } from 'vitest';
import { taskMetrics } from '../../../shared/metrics/compute-metrics';
import { runInProcess } from './run-in-process';

describe('the metrics the engine computes from its columns', () => {
  it('are those of the records its batches carried: failures, retries, orphans and skipped tasks alike', async () => {
    const run = await runInProcess({
      strategy: { type: 'pool', concurrency: 3 },
      options: { seed: 7, retries: 1, retryDelayMs: 1 },
      tasks: [
        { kind: 'timer', count: 40, ms: 2, jitterMs: 3, failRate: 0.5 },
        { kind: 'cpu', count: 5, ms: 1 },
      ],
    });
    const { metrics } = run.finished;
    expect(run.records.map((r) => r.index)).toEqual(Array.from({ length: 45 }, (_, i) => i));
    expect(metrics.skipped + metrics.failed).toBeGreaterThan(0);
    expect(metrics).toMatchObject(taskMetrics(run.records, metrics.wallMs));
  });
});
