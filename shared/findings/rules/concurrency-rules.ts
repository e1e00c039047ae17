import { peakOverlapOfColumns } from '../../metrics/peak-overlap';
import type { Finding, RunForFindings } from '../finding-schema';
import { entriesWhere, groupPlaces, listedIndexes, msText, placeAt, plural, ran, rounded, spansAt, timeAtOrAbove } from '../run-facts';
import {
  BATCH_MIN_IDLE_FRACTION,
  POOL_IDLE_MAX_ELU,
  POOL_MIN_WAIT_TO_LATENCY,
  POOL_PINNED_FRACTION,
  SEQUENTIAL_MAX_ELU,
  SEQUENTIAL_SUGGESTED_POOL,
  SUGGESTED_FANOUT_POOL,
  UNBOUNDED_MIN_PEAK_IN_FLIGHT,
} from '../thresholds';

/*
 * Rules about how the strategy scheduled the tasks: too much at once, too little, or waiting for nothing.
 */

const UNBOUNDED = new Set(['all', 'allSettled', 'callbacks', 'race', 'any']);
/** Kinds that hit a server, the file system or the process table: the resources an unbounded fan-out exhausts. */
const EXTERNAL_KINDS = new Set(['http', 'file-read', 'file-write', 'spawn']);

/** `orphaned-work`: tasks still running after the strategy settled, and what they were. */
export function orphanedWork(run: RunForFindings): Finding[] {
  const { tasks } = run;
  const orphans = entriesWhere(tasks, (i) => tasks.orphaned[i] !== 0);
  if (orphans.length === 0) return [];
  let lastEndMs = 0;
  const byKind = new Map<string, number>();
  for (const i of orphans) {
    lastEndMs = Math.max(lastEndMs, tasks.endMs[i]!);
    const kind = tasks.kinds[tasks.kind[i]!]!;
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  const kinds = [...byKind].map(([kind, count]) => `${count} ${kind}`).join(', ');
  const failFast = run.scenario.strategy.type === 'all' || run.scenario.strategy.type === 'callbacks';
  return [
    {
      id: 'orphaned-work',
      severity: failFast ? 'warning' : 'info',
      title: 'Work went on after the strategy settled',
      detail:
        `${plural(orphans.length, 'task')} (${kinds}) were still running when the strategy settled at ${msText(run.metrics.wallMs)}; ` +
        `the last ended at ${msText(lastEndMs)}, and nobody used their results.`,
      evidence: { orphaned: orphans.length, settledMs: rounded(run.metrics.wallMs), lastEndMs: rounded(lastEndMs) },
      tasks: listedIndexes(tasks, orphans),
      fromMs: run.metrics.wallMs,
      toMs: Math.max(run.metrics.wallMs, lastEndMs),
      ...(failFast ? { suggestion: { label: 'Try allSettled', scenarioPatch: { strategy: { type: 'allSettled' } } } } : {}),
    },
  ];
}

/** `unbounded-concurrency`: everything started at once against a server or the file system. */
export function unboundedConcurrency(run: RunForFindings): Finding[] {
  if (!UNBOUNDED.has(run.scenario.strategy.type)) return [];
  const { tasks } = run;
  const places = groupPlaces(run.scenario);
  const externalKind = tasks.kinds.map((kind) => EXTERNAL_KINDS.has(kind));
  const external = entriesWhere(tasks, (i) => ran(tasks, i) && externalKind[tasks.kind[i]!] === true && placeAt(places, tasks, i) !== 'loop');
  const { starts, ends } = spansAt(tasks, external);
  const peak = peakOverlapOfColumns(starts, ends);
  if (peak < UNBOUNDED_MIN_PEAK_IN_FLIGHT) return [];
  return [
    {
      id: 'unbounded-concurrency',
      severity: 'warning',
      title: 'Everything started at once',
      detail:
        `${run.scenario.strategy.type} put up to ${peak} server, file or process tasks in flight at once; ` +
        'a real server, file-handle limit or rate limit would refuse or slow them. A bounded pool keeps the load steady.',
      evidence: { peakInFlight: peak, externalTasks: external.length },
      tasks: listedIndexes(tasks, external),
      suggestion: {
        label: `Try pool:${SUGGESTED_FANOUT_POOL}`,
        scenarioPatch: { strategy: { type: 'pool', concurrency: SUGGESTED_FANOUT_POOL } },
      },
    },
  ];
}

/** `pool-too-small`: the pool ran full nearly all the time, tasks queued long, and the CPU sat idle. */
export function poolTooSmall(run: RunForFindings): Finding[] {
  const { strategy } = run.scenario;
  if (strategy.type !== 'pool') return [];
  const { tasks } = run;
  const started = entriesWhere(tasks, (i) => ran(tasks, i));
  const { spanMs, waitMs, latencyMs, elu } = run.metrics;
  if (started.length <= strategy.concurrency || spanMs <= 0) return [];
  const { starts, ends } = spansAt(tasks, started);
  const pinned = timeAtOrAbove(starts, ends, strategy.concurrency) / spanMs;
  const waitRatio = latencyMs.p50 > 0 ? waitMs.p50 / latencyMs.p50 : 0;
  if (pinned < POOL_PINNED_FRACTION || waitRatio < POOL_MIN_WAIT_TO_LATENCY || elu >= POOL_IDLE_MAX_ELU) return [];
  const larger = strategy.concurrency * 2;
  return [
    {
      id: 'pool-too-small',
      severity: 'warning',
      title: 'The pool is too small for this work',
      detail:
        `The pool ran full at ${strategy.concurrency} for ${Math.round(pinned * 100)}% of the run and tasks queued ${msText(waitMs.p50)} at the median ` +
        `(a task took ${msText(latencyMs.p50)}), while the event loop was busy only ${Math.round(elu * 100)}% of the time. A sweep of pool sizes finds the best one.`,
      evidence: { concurrency: strategy.concurrency, pinnedFraction: rounded(pinned), waitP50Ms: rounded(waitMs.p50), latencyP50Ms: rounded(latencyMs.p50), elu: rounded(elu) },
      suggestion: { label: `Try pool:${larger} (or sweep the pool size)`, scenarioPatch: { strategy: { type: 'pool', concurrency: larger } } },
    },
  ];
}

/** `batch-head-of-line`: each batch waited for its slowest task while its other lanes sat idle. */
export function batchHeadOfLine(run: RunForFindings): Finding[] {
  const { strategy } = run.scenario;
  if (strategy.type !== 'batch') return [];
  const batches = new Map<number, { startMs: number; endMs: number; busyMs: number; count: number }>();
  const { tasks } = run;
  for (let i = 0; i < tasks.count; i++) {
    if (!ran(tasks, i)) continue;
    const key = Math.floor(tasks.index[i]! / strategy.size);
    const batch = batches.get(key) ?? { startMs: Infinity, endMs: 0, busyMs: 0, count: 0 };
    batch.startMs = Math.min(batch.startMs, tasks.startMs[i]!);
    batch.endMs = Math.max(batch.endMs, tasks.endMs[i]!);
    batch.busyMs += tasks.endMs[i]! - tasks.startMs[i]!;
    batch.count += 1;
    batches.set(key, batch);
  }
  if (batches.size < 2) return [];
  let laneMs = 0;
  let busyMs = 0;
  for (const batch of batches.values()) {
    laneMs += batch.count * (batch.endMs - batch.startMs);
    busyMs += batch.busyMs;
  }
  const idle = laneMs > 0 ? (laneMs - busyMs) / laneMs : 0;
  if (idle < BATCH_MIN_IDLE_FRACTION) return [];
  return [
    {
      id: 'batch-head-of-line',
      severity: 'warning',
      title: 'Batches waited for their slowest task',
      detail:
        `Over ${batches.size} batches of ${strategy.size}, lanes sat idle ${Math.round(idle * 100)}% of the time waiting for each batch's slowest task. ` +
        `A pool of ${strategy.size} starts the next task as soon as any lane is free.`,
      evidence: { batches: batches.size, size: strategy.size, idleFraction: rounded(idle), idleLaneMs: rounded(laneMs - busyMs) },
      suggestion: { label: `Try pool:${strategy.size}`, scenarioPatch: { strategy: { type: 'pool', concurrency: strategy.size } } },
    },
  ];
}

/** `sequential-independent`: independent waiting tasks awaited one by one while the loop sat idle. */
export function sequentialIndependent(run: RunForFindings): Finding[] {
  if (run.scenario.strategy.type !== 'sequential') return [];
  const { tasks } = run;
  const places = groupPlaces(run.scenario);
  const waiting = entriesWhere(tasks, (i) => ran(tasks, i) && placeAt(places, tasks, i) !== 'loop');
  const { elu, wallMs } = run.metrics;
  if (waiting.length < 2 || elu >= SEQUENTIAL_MAX_ELU) return [];
  let waitingMs = 0;
  for (const i of waiting) waitingMs = waitingMs + tasks.endMs[i]! - tasks.startMs[i]!;
  const pool = Math.min(SEQUENTIAL_SUGGESTED_POOL, waiting.length);
  return [
    {
      id: 'sequential-independent',
      severity: 'warning',
      title: 'Independent tasks were awaited one by one',
      detail:
        `${plural(waiting.length, 'task')} that do not depend on each other waited ${msText(waitingMs)} in all, one after another, ` +
        `while the event loop was busy only ${Math.round(elu * 100)}% of the ${msText(wallMs)}. Started together, their waits overlap.`,
      evidence: { tasks: waiting.length, waitingMs: rounded(waitingMs), wallMs: rounded(wallMs), elu: rounded(elu) },
      suggestion: { label: `Try pool:${pool}`, scenarioPatch: { strategy: { type: 'pool', concurrency: pool } } },
    },
  ];
}
