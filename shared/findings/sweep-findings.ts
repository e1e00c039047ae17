import { findKnee, type SweepPoint } from '../stats/sweep';
import type { Finding } from './finding-schema';
import { rounded } from './run-facts';

/**
 * `past-the-knee`, over a sweep's points (one per pool size): the larger pools bought latency and no
 * throughput. Uses the sweep's own knee rule (`findKnee`), so the chart and the finding agree.
 */
export function sweepFindings(points: readonly SweepPoint[]): Finding[] {
  const knee = findKnee(points);
  if (knee === null) return [];
  const sorted = [...points].sort((a, b) => a.concurrency - b.concurrency);
  const at = sorted.find((p) => p.concurrency === knee.concurrency)!;
  const last = sorted.at(-1)!;
  return [
    {
      id: 'past-the-knee',
      severity: 'info',
      title: 'Larger pools bought latency, not throughput',
      detail: `Past the knee at pool:${knee.concurrency}, ${knee.reason}.`,
      evidence: {
        kneeConcurrency: knee.concurrency,
        kneeThroughputPerSec: rounded(at.throughput),
        kneeP99Ms: rounded(at.p99),
        largestConcurrency: last.concurrency,
        largestP99Ms: rounded(last.p99),
      },
      suggestion: { label: `Try pool:${knee.concurrency}`, scenarioPatch: { strategy: { type: 'pool', concurrency: knee.concurrency } } },
    },
  ];
}
