import { computeMetrics } from '../../../shared/metrics/compute-metrics';
import type { Sample, TaskRecord } from '../../../shared/protocol/task-record';
import { ScenarioSchema, type ScenarioInput, type TaskGroupInput } from '../../../shared/scenario';
import { findingColumnsOf, type RunForFindings, type RuntimeTracks } from '../../../shared/findings';

/** A task of a crafted run: times in ms, everything else defaulted to a plain successful attempt. */
export interface CraftedTask {
  startMs: number;
  endMs: number;
  group?: number;
  queuedMs?: number;
  status?: TaskRecord['status'];
  orphaned?: boolean;
  attempts?: number;
}

/** A sample at `tMs`; quiet unless told otherwise. */
export function sample(tMs: number, fields: Partial<Sample> = {}): Sample {
  return { tMs, inFlight: 0, loopDelayMs: 1, elu: 0.1, cpuPercent: 5, rssBytes: 100e6, heapUsedBytes: 20e6, ...fields };
}

/** Samples every 100 ms over `durationMs`. */
export function quietSamples(durationMs: number, fields: Partial<Sample> = {}): Sample[] {
  return Array.from({ length: Math.floor(durationMs / 100) + 1 }, (_, i) => sample(i * 100, fields));
}

/**
 * A run as the rules see it, built the way the engine's results are: a parsed scenario, task records (handed to
 * the rules as their columns, and kept as `records` for what reads records), and metrics computed from them by the real `computeMetrics`.
 */
export function craftedRun(options: {
  strategy: ScenarioInput['strategy'];
  groups: TaskGroupInput[];
  tasks: CraftedTask[];
  samples?: Sample[];
  options?: ScenarioInput['options'];
  wallMs?: number;
  runtime?: RuntimeTracks;
}): RunForFindings & { records: TaskRecord[] } {
  const scenario = ScenarioSchema.parse({ version: 1, name: 'crafted', strategy: options.strategy, options: options.options, tasks: options.groups });
  const records: TaskRecord[] = options.tasks.map((t, index) => {
    const group = t.group ?? 0;
    const status = t.status ?? 'ok';
    return {
      index,
      group,
      kind: scenario.tasks[group]!.kind,
      lane: 0,
      queuedMs: t.queuedMs ?? t.startMs,
      startMs: t.startMs,
      endMs: t.endMs,
      observedMs: t.endMs,
      status,
      orphaned: t.orphaned ?? false,
      error: status === 'ok' ? null : status,
      attempts: t.attempts ?? (status === 'skipped' ? 0 : 1),
    };
  });
  const lastEnd = records.reduce((last, r) => Math.max(last, r.endMs), 0);
  const wallMs = options.wallMs ?? lastEnd;
  const samples = options.samples ?? quietSamples(lastEnd);
  const metrics = computeMetrics({ tasks: records, samples, wallMs, cpu: { userMs: 10, systemMs: 1 } });
  return { scenario, tasks: findingColumnsOf(records), records, samples, metrics, ...(options.runtime === undefined ? {} : { runtime: options.runtime }) };
}

/** `count` tasks, each started by `start(i)` and lasting `durationMs(i)`. */
export function tasksOf(count: number, start: (i: number) => number, durationMs: (i: number) => number, extra: (i: number) => Partial<CraftedTask> = () => ({})): CraftedTask[] {
  return Array.from({ length: count }, (_, i) => ({ startMs: start(i), endMs: start(i) + durationMs(i), ...extra(i) }));
}
