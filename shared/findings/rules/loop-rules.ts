import { MAX_THREADPOOL_SIZE } from '../../scenario';
import { peakOverlapOfColumns } from '../../metrics/peak-overlap';
import type { Finding, RunForFindings } from '../finding-schema';
import { entriesWhere, groupPlaces, listedIndexes, msText, placeAt, plural, ran, rounded, spansAt } from '../run-facts';
import {
  CPU_ON_LOOP_MAX_EFFECTIVE_CONCURRENCY,
  CPU_ON_LOOP_MIN_TASKS,
  LOOP_BLOCKED_MS,
  SUGGESTED_WORKER_THREADS,
  THREADPOOL_MIN_QUEUE_WAIT_MS,
} from '../thresholds';
import { percentilesOf } from '../../metrics/percentiles';

/*
 * Rules about the event loop and the libuv thread pool: the places where work queues inside the process.
 */

interface Window {
  fromMs: number;
  toMs: number;
}

/** Stalls over the threshold: loop slices from the runtime track and sampled delays (a sample ends its interval). */
function stalls(run: RunForFindings): Window[] {
  const fromTrack = (run.runtime?.loop ?? [])
    .filter((slice) => slice.endMs - slice.startMs > LOOP_BLOCKED_MS)
    .map((slice) => ({ fromMs: slice.startMs, toMs: slice.endMs }));
  const fromSamples = run.samples
    .filter((sample) => sample.loopDelayMs > LOOP_BLOCKED_MS)
    .map((sample) => ({ fromMs: Math.max(0, sample.tMs - sample.loopDelayMs), toMs: sample.tMs }));
  return [...fromTrack, ...fromSamples];
}

/** Stalls that touch or overlap joined into one period of blocking. */
function blockedPeriods(windows: readonly Window[]): Window[] {
  const merged: Window[] = [];
  for (const window of [...windows].sort((a, b) => a.fromMs - b.fromMs)) {
    const last = merged.at(-1);
    if (last !== undefined && window.fromMs <= last.toMs) last.toMs = Math.max(last.toMs, window.toMs);
    else merged.push({ ...window });
  }
  return merged;
}

const toWorkers = {
  label: `Try workers:${SUGGESTED_WORKER_THREADS}`,
  scenarioPatch: { strategy: { type: 'workers', threads: SUGGESTED_WORKER_THREADS } },
};

/** `loop-blocked`: the event loop stalled over `LOOP_BLOCKED_MS`; when, for how long, and which tasks ran then. */
export function loopBlocked(run: RunForFindings): Finding[] {
  const windows = stalls(run);
  const maxDelayMs = windows.reduce((max, w) => Math.max(max, w.toMs - w.fromMs), run.metrics.loopDelayMs.max);
  if (maxDelayMs <= LOOP_BLOCKED_MS) return [];
  const periods = blockedPeriods(windows);
  const longest = periods.reduce<Window | undefined>((best, w) => (best === undefined || w.toMs - w.fromMs > best.toMs - best.fromMs ? w : best), undefined);
  const { tasks } = run;
  const places = groupPlaces(run.scenario);
  const during =
    longest === undefined
      ? new Uint32Array(0)
      : entriesWhere(tasks, (i) => ran(tasks, i) && tasks.startMs[i]! < longest.toMs && tasks.endMs[i]! > longest.fromMs);
  const loopBound = during.filter((i) => placeAt(places, tasks, i) === 'loop');
  const culprits = loopBound.length > 0 ? loopBound : during;
  const when = longest === undefined ? '' : ` in the period from ${msText(longest.fromMs)} to ${msText(longest.toMs)}`;
  const who = culprits.length === 0 ? '' : ` ${plural(culprits.length, loopBound.length > 0 ? 'loop-bound task' : 'task')} ran then.`;
  return [
    {
      id: 'loop-blocked',
      severity: 'problem',
      title: 'The event loop was blocked',
      detail: `The event loop stalled for up to ${msText(maxDelayMs)}${when}, so no timer, socket or result was handled meanwhile.${who}`,
      evidence: { maxLoopDelayMs: rounded(maxDelayMs), stalls: windows.length, blockedPeriods: periods.length, thresholdMs: LOOP_BLOCKED_MS },
      ...(culprits.length > 0 ? { tasks: listedIndexes(tasks, culprits) } : {}),
      ...(longest === undefined ? {} : { fromMs: longest.fromMs, toMs: longest.toMs }),
      ...(loopBound.length > 0 && run.scenario.strategy.type !== 'workers' ? { suggestion: toWorkers } : {}),
    },
  ];
}

const SERIAL_STRATEGIES = new Set(['sequential', 'workers']);

/** `cpu-on-loop`: loop-bound tasks under a concurrent strategy still ran about one at a time. */
export function cpuOnLoop(run: RunForFindings): Finding[] {
  if (SERIAL_STRATEGIES.has(run.scenario.strategy.type)) return [];
  const { tasks } = run;
  const places = groupPlaces(run.scenario);
  const loopTasks = entriesWhere(tasks, (i) => ran(tasks, i) && placeAt(places, tasks, i) === 'loop');
  if (loopTasks.length < CPU_ON_LOOP_MIN_TASKS) return [];
  let busyMs = 0;
  let lastEndMs = 0;
  let firstStartMs = Infinity;
  for (const i of loopTasks) {
    busyMs = busyMs + tasks.endMs[i]! - tasks.startMs[i]!;
    lastEndMs = Math.max(lastEndMs, tasks.endMs[i]!);
    firstStartMs = Math.min(firstStartMs, tasks.startMs[i]!);
  }
  const spanMs = lastEndMs - firstStartMs;
  const effective = spanMs > 0 ? busyMs / spanMs : 1;
  if (effective >= CPU_ON_LOOP_MAX_EFFECTIVE_CONCURRENCY) return [];
  return [
    {
      id: 'cpu-on-loop',
      severity: 'warning',
      title: 'CPU-bound work ran one at a time on the event loop',
      detail:
        `${plural(loopTasks.length, 'loop-bound task')} ran under ${run.scenario.strategy.type} with an effective concurrency of ${rounded(effective)}: ` +
        'the one event loop runs them one after another whatever the strategy. Worker threads run them in parallel.',
      evidence: { loopBoundTasks: loopTasks.length, effectiveConcurrency: rounded(effective), busyMs: rounded(busyMs), spanMs: rounded(spanMs) },
      tasks: listedIndexes(tasks, loopTasks),
      suggestion: toWorkers,
    },
  ];
}

/**
 * The queue wait the thread pool's tasks paid: measured from the runtime track when present, otherwise
 * estimated as the median task latency over the fastest one (the fastest ran without waiting).
 */
function queueWaitMs(run: RunForFindings, latencies: Float64Array): { p50: number; max: number; measured: boolean } {
  const track = run.runtime?.threadpool ?? [];
  if (track.length > 0) {
    const waits = percentilesOf(track.map((slice) => slice.startMs - slice.submitMs));
    return { p50: waits.p50, max: waits.max, measured: true };
  }
  const fastest = latencies.reduce((min, latency) => Math.min(min, latency), Infinity);
  const spread = percentilesOf(latencies.map((latency) => latency - fastest));
  return { p50: spread.p50, max: spread.max, measured: false };
}

/** `threadpool-saturated`: more thread-pool tasks in flight than `threadpoolSize`, and the queue wait they paid. */
export function threadpoolSaturated(run: RunForFindings): Finding[] {
  const { tasks } = run;
  const places = groupPlaces(run.scenario);
  const poolTasks = entriesWhere(tasks, (i) => ran(tasks, i) && placeAt(places, tasks, i) === 'threadpool');
  const size = run.scenario.options.threadpoolSize;
  const { starts, ends } = spansAt(tasks, poolTasks);
  const latencies = ends.map((endMs, at) => endMs - starts[at]!);
  const peak = peakOverlapOfColumns(starts, ends);
  if (peak <= size) return [];
  const wait = queueWaitMs(run, latencies);
  if (wait.p50 < THREADPOOL_MIN_QUEUE_WAIT_MS) return [];
  const suggested = Math.min(peak, MAX_THREADPOOL_SIZE);
  return [
    {
      id: 'threadpool-saturated',
      severity: 'warning',
      title: 'The libuv thread pool was saturated',
      detail:
        `Up to ${peak} thread-pool tasks were in flight on ${plural(size, 'thread')}, so they queued for ` +
        `${wait.measured ? '' : 'about '}${msText(wait.p50)} at the median (${msText(wait.max)} at most).`,
      evidence: { peakInFlight: peak, threadpoolSize: size, queueWaitP50Ms: rounded(wait.p50), queueWaitMaxMs: rounded(wait.max) },
      tasks: listedIndexes(tasks, poolTasks),
      suggestion: {
        label: `Try threadpoolSize ${suggested}, or a pool of ${size}`,
        scenarioPatch: { options: { threadpoolSize: suggested } },
      },
    },
  ];
}
