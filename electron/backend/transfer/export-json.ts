import type { ExportableRun } from '../../../shared/run/run-schema';
import { jsonWithStreamedArray, STREAMED_ARRAY, streamedRun, type StreamedRun } from './run-stream';

/** The `format` field every JSON run export carries. */
export const RUN_EXPORT_FORMAT = 'concurrency-explorer/run';

/** The export version this app writes; version 1 files (older engines) are upgraded on import. */
export const RUN_EXPORT_VERSION = 2;

/**
 * The lossless export: `RunExport` as compact JSON, with the runtime tracks when the run has any (a run of 100,000 tasks stays a few MB). The id and
 * experiment are left out because they only mean something in the history the run came from.
 */
export function exportRunJson(run: ExportableRun): string {
  return [...runJsonChunks(streamedRun(run))].join('');
}

/** `exportRunJson` in pieces, the tasks written as they are read; `RunExport`'s fields keep their order. */
export function* runJsonChunks(run: StreamedRun): Generator<string> {
  const { id: _id, experimentId: _experimentId, lanes: _lanes, runtime, ...portable } = run;
  const fields = Object.fromEntries(Object.entries(portable).map(([key, value]) => [key, key === 'tasks' ? STREAMED_ARRAY : value]));
  const traced = runtime !== undefined && (runtime.loop.length > 0 || runtime.threadpool.length > 0 || runtime.workers.length > 0);
  const data = { format: RUN_EXPORT_FORMAT, version: RUN_EXPORT_VERSION, run: fields };
  yield* jsonWithStreamedArray(traced ? { ...data, runtime } : data, run.tasks);
  yield '\n';
}
