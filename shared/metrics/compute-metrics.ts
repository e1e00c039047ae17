import type { Sample, TaskRecord, TaskStatus } from '../protocol/task-record';
import type { RunMetrics } from './metrics-schema';
import { peakOverlapOfColumns } from './peak-overlap';
import { percentilesOf } from './percentiles';
import { metricColumnsOf, TASK_STATUS_ORDER, type TaskMetricColumns } from './task-metric-columns';

/** The event-loop delay of a whole run, from the engine's delay histogram (ms). */
export interface LoopDelaySummary {
  p50: number;
  p99: number;
  max: number;
}

/** What a run measured: every task's record, the samples, and the process's CPU time over the run. */
export interface MetricsInput {
  /** The records, or the same as columns (the engine keeps them so). */
  tasks: readonly TaskRecord[] | TaskMetricColumns;
  samples: readonly Sample[];
  /** From run start until the strategy settled. */
  wallMs: number;
  cpu: { userMs: number; systemMs: number };
  /** The delay histogram over the whole run; without it (a run the engine could not finish) the samples' values. */
  loopDelayMs?: LoopDelaySummary;
}

/** The part of the metrics the task records alone decide. */
export type TaskMetrics = Pick<
  RunMetrics,
  | 'spanMs'
  | 'tasks'
  | 'ok'
  | 'failed'
  | 'timedOut'
  | 'cancelled'
  | 'skipped'
  | 'orphaned'
  | 'maxInFlight'
  | 'throughputPerSec'
  | 'effectiveConcurrency'
  | 'latencyMs'
  | 'waitMs'
  | 'deliveryDelayMs'
  | 'failuresByKind'
>;

/** A failure of the task itself: `error`, `timeout` or `cancelled` (a `skipped` task never ran, so never failed). */
export function isFailure(status: TaskStatus): boolean {
  return status === 'error' || status === 'timeout' || status === 'cancelled';
}

function perMs(value: number, ms: number): number {
  return ms > 0 ? value / ms : 0;
}

/** Everything the records decide, with their own times (a task ends when its work ended). */
export function taskMetrics(tasks: readonly TaskRecord[], wallMs: number): TaskMetrics {
  return taskMetricsOfColumns(metricColumnsOf(tasks), wallMs);
}

/** `taskMetrics` over tasks kept as columns: the same numbers, in the same order of summing. */
export function taskMetricsOfColumns(columns: TaskMetricColumns, wallMs: number): TaskMetrics {
  const { count, attempts, status, orphaned: orphanedColumn, kind, kinds } = columns;
  const counts = [0, 0, 0, 0, 0];
  const failuresByKind: Record<string, number> = {};
  let orphaned = 0;
  let ranCount = 0;
  for (let i = 0; i < count; i += 1) {
    const code = status[i] ?? 0;
    counts[code] = (counts[code] ?? 0) + 1;
    if (orphanedColumn[i] === 1) orphaned += 1;
    if (isFailure(TASK_STATUS_ORDER[code] ?? 'ok')) {
      const name = kinds[kind[i] ?? 0] ?? '';
      failuresByKind[name] = (failuresByKind[name] ?? 0) + 1;
    }
    if ((attempts[i] ?? 0) > 0) ranCount += 1;
  }
  const ran = ranColumns(columns, ranCount);
  const [ok = 0, error = 0, timeout = 0, cancelled = 0, skipped = 0] = counts;
  let first = Infinity;
  let last = -Infinity;
  let busyMs = 0;
  for (let r = 0; r < ranCount; r += 1) {
    const startMs = ran.startMs[r] ?? 0;
    const endMs = ran.endMs[r] ?? 0;
    if (startMs < first) first = startMs;
    if (endMs > last) last = endMs;
    busyMs += ran.durations[r] ?? 0;
  }
  const spanMs = ranCount > 0 ? Math.max(0, last - first) : 0;
  const delivery = percentilesOf(ran.deliveries);
  return {
    spanMs,
    tasks: count,
    ok,
    failed: error,
    timedOut: timeout,
    cancelled,
    skipped,
    orphaned,
    maxInFlight: peakOverlapOfColumns(ran.startMs, ran.endMs),
    throughputPerSec: perMs((count - cancelled - skipped) * 1000, wallMs),
    effectiveConcurrency: perMs(busyMs, spanMs),
    latencyMs: percentilesOf(ran.durations),
    waitMs: percentilesOf(ran.waits),
    deliveryDelayMs: { p50: delivery.p50, p99: delivery.p99, max: delivery.max },
    failuresByKind,
  };
}

/** The tasks that ran (`attempts > 0`), in order: their spans and the durations the percentiles read. */
function ranColumns({ count, attempts, queuedMs, startMs, endMs, observedMs }: TaskMetricColumns, ranCount: number) {
  const ran = {
    startMs: new Float64Array(ranCount),
    endMs: new Float64Array(ranCount),
    durations: new Float64Array(ranCount),
    waits: new Float64Array(ranCount),
    deliveries: new Float64Array(ranCount),
  };
  let r = 0;
  for (let i = 0; i < count; i += 1) {
    if ((attempts[i] ?? 0) === 0) continue;
    const start = startMs[i] ?? 0;
    const end = endMs[i] ?? 0;
    ran.startMs[r] = start;
    ran.endMs[r] = end;
    ran.durations[r] = end - start;
    ran.waits[r] = start - (queuedMs[i] ?? 0);
    ran.deliveries[r] = Math.max(0, (observedMs[i] ?? 0) - end);
    r += 1;
  }
  return ran;
}

/** The summary of a run (names and meanings of `RunMetrics`). Pure: the same input gives the same metrics. */
export function computeMetrics({ tasks, samples, wallMs, cpu, loopDelayMs }: MetricsInput): RunMetrics {
  const sampled = percentilesOf(samples.map((sample) => sample.loopDelayMs));
  return {
    wallMs,
    ...taskMetricsOfColumns('count' in tasks ? tasks : metricColumnsOf(tasks), wallMs),
    loopDelayMs: loopDelayMs ?? { p50: sampled.p50, p99: sampled.p99, max: sampled.max },
    elu: Math.min(1, Math.max(0, samples.reduce((sum, s) => sum + s.elu, 0) / (samples.length || 1))),
    cpuUserMs: cpu.userMs,
    cpuSystemMs: cpu.systemMs,
    peakRssBytes: samples.reduce((peak, s) => Math.max(peak, s.rssBytes), 0),
  };
}
