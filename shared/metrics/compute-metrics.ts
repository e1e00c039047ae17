import type { Sample, TaskRecord, TaskStatus } from '../protocol/task-record';
import type { RunMetrics } from './metrics-schema';
import { peakOverlap } from './peak-overlap';
import { percentilesOf } from './percentiles';

/** The event-loop delay of a whole run, from the engine's delay histogram (ms). */
export interface LoopDelaySummary {
  p50: number;
  p99: number;
  max: number;
}

/** What a run measured: every task's record, the samples, and the process's CPU time over the run. */
export interface MetricsInput {
  tasks: readonly TaskRecord[];
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

/** The window every task that ran fits in: first start to last end; 0 when none ran. */
function spanOf(ran: readonly TaskRecord[]): number {
  let first = Infinity;
  let last = -Infinity;
  for (const task of ran) {
    if (task.startMs < first) first = task.startMs;
    if (task.endMs > last) last = task.endMs;
  }
  return ran.length > 0 ? Math.max(0, last - first) : 0;
}

/** Everything the records decide, with their own times (a task ends when its work ended). */
export function taskMetrics(tasks: readonly TaskRecord[], wallMs: number): TaskMetrics {
  const ran = tasks.filter((task) => task.attempts > 0);
  const counts: Record<TaskStatus, number> = { ok: 0, error: 0, timeout: 0, cancelled: 0, skipped: 0 };
  const failuresByKind: Record<string, number> = {};
  let orphaned = 0;
  for (const task of tasks) {
    counts[task.status] += 1;
    if (task.orphaned) orphaned += 1;
    if (isFailure(task.status)) failuresByKind[task.kind] = (failuresByKind[task.kind] ?? 0) + 1;
  }
  const durations = ran.map((task) => task.endMs - task.startMs);
  const spanMs = spanOf(ran);
  const delivery = percentilesOf(ran.map((task) => Math.max(0, task.observedMs - task.endMs)));
  return {
    spanMs,
    tasks: tasks.length,
    ok: counts.ok,
    failed: counts.error,
    timedOut: counts.timeout,
    cancelled: counts.cancelled,
    skipped: counts.skipped,
    orphaned,
    maxInFlight: peakOverlap(ran),
    throughputPerSec: perMs((tasks.length - counts.cancelled - counts.skipped) * 1000, wallMs),
    effectiveConcurrency: perMs(durations.reduce((sum, d) => sum + d, 0), spanMs),
    latencyMs: percentilesOf(durations),
    waitMs: percentilesOf(ran.map((task) => task.startMs - task.queuedMs)),
    deliveryDelayMs: { p50: delivery.p50, p99: delivery.p99, max: delivery.max },
    failuresByKind,
  };
}

/** The summary of a run (names and meanings of `RunMetrics`). Pure: the same input gives the same metrics. */
export function computeMetrics({ tasks, samples, wallMs, cpu, loopDelayMs }: MetricsInput): RunMetrics {
  const sampled = percentilesOf(samples.map((sample) => sample.loopDelayMs));
  return {
    wallMs,
    ...taskMetrics(tasks, wallMs),
    loopDelayMs: loopDelayMs ?? { p50: sampled.p50, p99: sampled.p99, max: sampled.max },
    elu: Math.min(1, Math.max(0, samples.reduce((sum, s) => sum + s.elu, 0) / (samples.length || 1))),
    cpuUserMs: cpu.userMs,
    cpuSystemMs: cpu.systemMs,
    peakRssBytes: samples.reduce((peak, s) => Math.max(peak, s.rssBytes), 0),
  };
}
