import { BATCH_INTERVAL_MS, type BatchEvent } from '../../../shared/protocol/engine-protocol';
import type { RuntimeSlices } from '../../../shared/runtime/runtime-slices';
import type { RunRecorder } from './run-recorder';

/**
 * Sends what the recorder gathered, one message per `BATCH_INTERVAL_MS` at most, never one per task. The first
 * batch leaves as soon as the strategy has started its first tasks, so that they are on the timeline at once
 * rather than a batch interval after Run.
 */
export interface BatchSender {
  /** Stops the periodic sending and sends whatever is pending, batch after batch; resolves once all has left. */
  stop(): Promise<void>;
}

/**
 * `send` may return a promise (anything else it returns is ignored) that resolves once the batch has left the process: until then no other batch is
 * made, so that a parent slower than the engine holds back the engine's messages rather than letting them queue
 * up in its memory. `takeRuntime` gives the runtime slices recorded since the last batch (`trace: "runtime"`);
 * they travel in the same batch as the task events of the same moment.
 */
export function startBatchSender(
  recorder: RunRecorder,
  send: (batch: BatchEvent) => unknown,
  takeRuntime: () => RuntimeSlices | null = () => null,
): BatchSender {
  let leaving: Promise<void> | null = null;
  /** Sends one batch unless one is still leaving; says whether there was anything to send. */
  const flush = (): boolean => {
    if (leaving !== null) return true;
    const runtime = takeRuntime();
    const batch = recorder.takeBatch(runtime !== null);
    if (batch === null) return false;
    const sent = send(runtime === null ? batch : { ...batch, runtime });
    if (sent instanceof Promise) {
      leaving = sent.then(() => {
        leaving = null;
        if (recorder.backlogged) flush();
      });
    }
    return true;
  };
  const timer = setInterval(flush, BATCH_INTERVAL_MS);
  const first = setImmediate(flush);
  return {
    stop: async () => {
      clearInterval(timer);
      clearImmediate(first);
      for (;;) {
        await leaving;
        if (leaving === null && !flush()) return;
      }
    },
  };
}
