import { BATCH_INTERVAL_MS, type BatchEvent } from '../../../shared/protocol/engine-protocol';
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

export function startBatchSender(recorder: RunRecorder, send: (batch: BatchEvent) => void): BatchSender {
  const flush = () => {
    const batch = recorder.takeBatch();
    if (batch !== null) send(batch);
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
