import type { Finding, RunForFindings } from '../finding-schema';
import { entriesWhere, listedIndexes, msText, plural, ran, rounded } from '../run-facts';
import {
  MEMORY_MIN_GROWTH_BYTES,
  MEMORY_MIN_GROWTH_RATIO,
  MEMORY_MIN_SAMPLES,
  RETRIES_TAIL_FRACTION,
  TIMEOUTS_CLUSTER_FRACTION,
  TIMEOUTS_MIN_COUNT,
  TIMEOUTS_WINDOW_FRACTION,
} from '../thresholds';

/*
 * Rules about what the tasks' outcomes and the process's memory say: retries, timeouts, growth.
 */

/** `retries-inflate-tail`: the slowest 1% of tasks are mostly ones that needed more than one attempt. */
export function retriesInflateTail(run: RunForFindings): Finding[] {
  const { tasks } = run;
  const started = entriesWhere(tasks, (i) => ran(tasks, i));
  if (!started.some((i) => tasks.attempts[i]! > 1)) return [];
  const durationMs = (i: number) => tasks.endMs[i]! - tasks.startMs[i]!;
  // Longest first; equal ones (or incomparable) in index order, as a stable sort leaves them.
  const slowest = started.sort((a, b) => durationMs(b) - durationMs(a) || a - b).slice(0, Math.max(1, Math.ceil(started.length * 0.01)));
  const retried = slowest.filter((i) => tasks.attempts[i]! > 1);
  const fraction = retried.length / slowest.length;
  if (fraction < RETRIES_TAIL_FRACTION) return [];
  const { p50, p99 } = run.metrics.latencyMs;
  return [
    {
      id: 'retries-inflate-tail',
      severity: 'warning',
      title: 'Retries make up the tail latency',
      detail:
        `${retried.length} of the ${plural(slowest.length, 'slowest task')} needed more than one attempt, so the p99 of ${msText(p99)} ` +
        `(p50 ${msText(p50)}) measures failures and backoff, not the work.`,
      evidence: { retriedInTail: retried.length, tailTasks: slowest.length, latencyP99Ms: rounded(p99), latencyP50Ms: rounded(p50), retryDelayMs: run.scenario.options.retryDelayMs },
      tasks: listedIndexes(tasks, retried),
    },
  ];
}

/** `timeouts-cluster`: timeouts bunched in time while other tasks succeeded: a stalled dependency, not slow tasks. */
export function timeoutsCluster(run: RunForFindings): Finding[] {
  const { tasks } = run;
  const timeout = tasks.statuses.indexOf('timeout');
  // Earliest end first; equal ones in index order, as a stable sort leaves them.
  const timeouts = entriesWhere(tasks, (i) => tasks.status[i] === timeout).sort((a, b) => tasks.endMs[a]! - tasks.endMs[b]! || a - b);
  if (timeouts.length < TIMEOUTS_MIN_COUNT || run.metrics.ok === 0) return [];
  const windowMs = run.metrics.spanMs * TIMEOUTS_WINDOW_FRACTION;
  let best = { from: 0, to: 0 };
  let from = 0;
  for (let to = 0; to < timeouts.length; to += 1) {
    while (tasks.endMs[timeouts[to]!]! - tasks.endMs[timeouts[from]!]! > windowMs) from += 1;
    if (to - from > best.to - best.from) best = { from, to };
  }
  const inCluster = timeouts.slice(best.from, best.to + 1);
  const fraction = inCluster.length / timeouts.length;
  if (fraction < TIMEOUTS_CLUSTER_FRACTION) return [];
  const fromMs = tasks.endMs[inCluster[0]!]!;
  const toMs = tasks.endMs[inCluster.at(-1)!]!;
  return [
    {
      id: 'timeouts-cluster',
      severity: 'problem',
      title: 'Timeouts came in a cluster',
      detail:
        `${inCluster.length} of ${plural(timeouts.length, 'timeout')} ended within ${msText(toMs - fromMs)} (from ${msText(fromMs)} to ${msText(toMs)}) ` +
        `while ${plural(run.metrics.ok, 'task')} succeeded: a dependency stalled then, rather than tasks being slow.`,
      evidence: { timeouts: timeouts.length, inCluster: inCluster.length, clusterMs: rounded(toMs - fromMs), ok: run.metrics.ok },
      tasks: listedIndexes(tasks, inCluster),
      fromMs,
      toMs,
    },
  ];
}

const MB = 1024 * 1024;

/** `memory-growth`: the heap grew steadily from the first quarter of the run to the last. */
export function memoryGrowth(run: RunForFindings): Finding[] {
  const samples = [...run.samples].sort((a, b) => a.tMs - b.tMs);
  if (samples.length < MEMORY_MIN_SAMPLES) return [];
  const quarter = Math.floor(samples.length / 4);
  const mean = (part: typeof samples) => part.reduce((sum, s) => sum + s.heapUsedBytes, 0) / part.length;
  const startBytes = mean(samples.slice(0, quarter));
  const endBytes = mean(samples.slice(-quarter));
  const growth = endBytes - startBytes;
  if (growth < MEMORY_MIN_GROWTH_BYTES || endBytes < startBytes * MEMORY_MIN_GROWTH_RATIO) return [];
  return [
    {
      id: 'memory-growth',
      severity: 'warning',
      title: 'Memory grew through the run',
      detail:
        `The JavaScript heap grew from about ${Math.round(startBytes / MB)} MB in the first quarter of the run to ${Math.round(endBytes / MB)} MB in the last; ` +
        'results or closures are being kept alive as the run goes on.',
      evidence: { startHeapBytes: Math.round(startBytes), endHeapBytes: Math.round(endBytes), growthBytes: Math.round(growth) },
      fromMs: samples[0]!.tMs,
      toMs: samples.at(-1)!.tMs,
    },
  ];
}
