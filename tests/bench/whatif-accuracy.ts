import type { Strategy } from '../../shared/scenario';
import { measurePredictions, type Workload } from '../integration/whatif/prediction-errors';

/** Each workload is recorded once under its own strategy, then predicted and run for real under each of these. */
const PREDICTED: readonly Strategy[] = [
  { type: 'sequential' },
  { type: 'all' },
  { type: 'pool', concurrency: 4 },
  { type: 'batch', size: 5 },
  { type: 'workers', threads: 2 },
];

/** The workloads whose predictions the bench measures, with the error the issue allows for each. */
const WORKLOADS: readonly { name: string; tolerancePercent: number; workload: Workload }[] = [
  { name: 'timers', tolerancePercent: 15, workload: { strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 16, ms: 100 }] } },
  { name: 'http', tolerancePercent: 15, workload: { strategy: { type: 'all' }, tasks: [{ kind: 'http', count: 12, latencyMs: 100, jitterMs: 20 }] } },
  { name: 'cpu', tolerancePercent: 25, workload: { strategy: { type: 'sequential' }, tasks: [{ kind: 'cpu', count: 8, ms: 50 }] } },
  {
    name: 'crypto (pool of 4)',
    tolerancePercent: 25,
    workload: { strategy: { type: 'sequential' }, options: { threadpoolSize: 4 }, tasks: [{ kind: 'crypto', count: 8, iterations: 60_000 }] },
  },
  {
    name: 'timers, failures, retries',
    tolerancePercent: 15,
    workload: { strategy: { type: 'allSettled' }, options: { retries: 2, retryDelayMs: 20 }, tasks: [{ kind: 'timer', count: 16, ms: 100, failRate: 0.3 }] },
  },
  {
    name: 'cpu and timers mixed',
    tolerancePercent: 25,
    workload: { strategy: { type: 'all' }, tasks: [{ kind: 'cpu', count: 4, ms: 50 }, { kind: 'timer', count: 8, ms: 100 }] },
  },
];

/** The simulator's predicted wall time against real runs: one row per workload and strategy, the signed error. */
export async function benchWhatIfAccuracy(): Promise<{ name: string; figure: string; target: string; detail: string }[]> {
  const rows = [];
  for (const { name, tolerancePercent, workload } of WORKLOADS) {
    for (const error of await measurePredictions(workload, PREDICTED)) {
      rows.push({
        name: `${name}: ${error.strategy}`,
        figure: `${error.errorPercent > 0 ? '+' : ''}${error.errorPercent.toFixed(1)}%`,
        target: `±${tolerancePercent}%`,
        detail: `predicted ${error.predictedMs.toFixed(0)} ms, measured ${error.measuredMs.toFixed(0)} ms`,
      });
    }
  }
  return rows;
}
