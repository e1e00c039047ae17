import type { Finding, FindingRule, RunForFindings, Severity } from './finding-schema';
import { batchHeadOfLine, orphanedWork, poolTooSmall, sequentialIndependent, unboundedConcurrency } from './rules/concurrency-rules';
import { cpuOnLoop, loopBlocked, threadpoolSaturated } from './rules/loop-rules';
import { memoryGrowth, retriesInflateTail, timeoutsCluster } from './rules/outcome-rules';

/** Every rule over one run (`past-the-knee` needs a sweep: `sweepFindings`). */
export const RUN_RULES: readonly FindingRule[] = [
  loopBlocked,
  cpuOnLoop,
  threadpoolSaturated,
  orphanedWork,
  unboundedConcurrency,
  poolTooSmall,
  retriesInflateTail,
  batchHeadOfLine,
  sequentialIndependent,
  timeoutsCluster,
  memoryGrowth,
];

const RANK: Record<Severity, number> = { problem: 0, warning: 1, info: 2 };

/**
 * What a finished run shows, worst first (rules in their listed order within a severity). Pure: the same run
 * gives the same findings. A run without runtime tracks (tasks mode) gets every rule that needs only tasks
 * and samples.
 */
export function findFindings(run: RunForFindings): Finding[] {
  return RUN_RULES.flatMap((rule) => rule(run)).sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}
