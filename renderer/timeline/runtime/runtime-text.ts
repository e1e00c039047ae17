import { TRACK_CODE } from '../../../shared/runtime/runtime-slices';
import { formatCount, formatMs } from '../scale/format-time';
import type { RuntimeTrackData, TaskRuntimeSummary } from './runtime-track-data';

const plural = (count: number, one: string, many: string) => `${formatCount(count)} ${count === 1 ? one : many}`;

/**
 * What served a task, in one sentence for the details panel: "3 callbacks on the loop, 1.2 ms in all;
 * waited 340 ms for a pool thread". Null when nothing in the trace served it.
 */
export function summarySentence(summary: TaskRuntimeSummary): string | null {
  const parts: string[] = [];
  if (summary.loopCallbacks > 0) parts.push(`${plural(summary.loopCallbacks, 'callback', 'callbacks')} on the loop, ${formatMs(summary.loopMs)} in all`);
  if (summary.poolRequests > 0) {
    const requests = summary.poolRequests === 1 ? '' : ` over ${formatCount(summary.poolRequests)} requests`;
    parts.push(`waited ${formatMs(summary.poolWaitMs)} for a pool thread${requests}, ran ${formatMs(summary.poolRunMs)} there`);
  }
  if (summary.workerSlices > 0) parts.push(`${plural(summary.workerSlices, 'slice', 'slices')} on its worker thread, ${formatMs(summary.workerMs)} in all`);
  return parts.length === 0 ? null : parts.join('; ');
}

/** One slice for the tooltip: where it ran, what it was, how long, and for whom. */
export function describeSlice(data: RuntimeTrackData, slot: number): { title: string; lines: string[] } {
  const type = data.types[data.type[slot]!] ?? 'unknown';
  const task = data.task[slot]!;
  const ms = data.endMs[slot]! - data.startMs[slot]!;
  const whose = task < 0 ? 'the engine’s own work' : `task #${task}`;
  const lines = [`${formatMs(ms)} from ${formatMs(data.startMs[slot]!)}`, `for ${whose}`];
  const track = data.track[slot];
  if (track === TRACK_CODE.pool) {
    lines.unshift(`waited ${formatMs(data.startMs[slot]! - data.submitMs[slot]!)} for a thread (as seen by the loop)`);
    return { title: `${type} on pool thread ${data.lane[slot]! + 1}`, lines };
  }
  if (type === 'sync') lines.push('ran synchronously: nothing else ran on this thread meanwhile');
  return { title: `${type} on ${track === TRACK_CODE.loop ? 'the event loop' : `worker ${data.lane[slot]! + 1}`}`, lines };
}
