import { BATCH_INTERVAL_MS, type BatchEvent } from '../../../shared/protocol/engine-protocol';
import type { RuntimeSlices } from '../../../shared/runtime/runtime-slices';
import type { RunRecorder } from './run-recorder';

/**
 * Sends what the recorder gathered, one message per `BATCH_INTERVAL_MS` at most, never one per task. The first
 * batch leaves as soon as the strategy has started its first tasks, so that they are on the timeline at once
 * rather than a batch interval after Run.
 */
export interface BatchSender {
  /** Sends whatever is pending now, and stops the periodic sending. */
  stop(): void;
}

/**
 * `takeRuntime` gives the runtime slices recorded since the last batch (`trace: "runtime"`); they travel in
 * the same batch as the task events of the same moment.
 */
export function startBatchSender(recorder: RunRecorder, send: (batch: BatchEvent) => void, takeRuntime: () => RuntimeSlices | null = () => null): BatchSender {
  const flush = () => {
    const runtime = takeRuntime();
    const batch = recorder.takeBatch(runtime !== null);
    if (batch === null) return;
    send(runtime === null ? batch : { ...batch, runtime });
  };
  const timer = setInterval(flush, BATCH_INTERVAL_MS);
  const first = setImmediate(flush);
  return {
    stop: () => {
      clearInterval(timer);
      clearImmediate(first);
      flush();
    },
  };
}
