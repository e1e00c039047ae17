import type { Sample, TaskRecord } from '../protocol/task-record';
import type { RunMetrics } from './metrics-schema';
import { peakOverlap } from './peak-overlap';
import { percentilesOf } from './percentiles';

/** What a run measured: every task's record, the samples, and the process's CPU time over the run. */
export interface MetricsInput {
  tasks: readonly TaskRecord[];
  samples: readonly Sample[];
  /** From run start until the strategy settled. */
  wallMs: number;
  cpu: { userMs: number; systemMs: number };
}

function perWallMs(value: number, wallMs: number): number {
  return wallMs > 0 ? value / wallMs : 0;
}

/** The summary of a run (names and meanings of `RunMetrics`). Pure: the same input gives the same metrics. */
export function computeMetrics({ tasks, samples, wallMs, cpu }: MetricsInput): RunMetrics {
  const ran = tasks.filter((task) => task.attempts > 0);
  const count = (status: TaskRecord['status']) => tasks.reduce((n, task) => n + (task.status === status ? 1 : 0), 0);
  const failuresByKind: Record<string, number> = {};
  for (const task of tasks) {
    if (task.status !== 'ok') failuresByKind[task.kind] = (failuresByKind[task.kind] ?? 0) + 1;
  }
  const durations = ran.map((task) => task.endMs - task.startMs);
  const loopDelay = percentilesOf(samples.map((sample) => sample.loopDelayMs));
  const cancelled = count('cancelled');
  return {
    wallMs,
    tasks: tasks.length,
    ok: count('ok'),
    failed: count('error'),
    timedOut: count('timeout'),
    cancelled,
    orphaned: count('orphaned'),
    maxInFlight: peakOverlap(ran),
    throughputPerSec: perWallMs((tasks.length - cancelled) * 1000, wallMs),
    effectiveConcurrency: perWallMs(durations.reduce((sum, d) => sum + d, 0), wallMs),
    latencyMs: percentilesOf(durations),
    waitMs: percentilesOf(ran.map((task) => task.startMs - task.queuedMs)),
    loopDelayMs: { p50: loopDelay.p50, p99: loopDelay.p99, max: loopDelay.max },
    elu: Math.min(1, Math.max(0, samples.reduce((sum, s) => sum + s.elu, 0) / (samples.length || 1))),
    cpuUserMs: cpu.userMs,
    cpuSystemMs: cpu.systemMs,
    peakRssBytes: samples.reduce((peak, s) => Math.max(peak, s.rssBytes), 0),
    failuresByKind,
  };
}
