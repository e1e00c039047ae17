import type { RunDetail, RunExport } from '../../../shared/run/run-schema';

/** The `format` field every JSON run export carries. */
export const RUN_EXPORT_FORMAT = 'concurrency-explorer/run';

/** The export version this app writes; version 1 files (older engines) are upgraded on import. */
export const RUN_EXPORT_VERSION = 2;

/**
 * The lossless export: `RunExport` as compact JSON (a run of 100,000 tasks stays a few MB). The id and
 * experiment are left out because they only mean something in the history the run came from.
 */
export function exportRunJson(run: RunDetail): string {
  const { id: _id, experimentId: _experimentId, ...portable } = run;
  const data: RunExport = { format: RUN_EXPORT_FORMAT, version: RUN_EXPORT_VERSION, run: portable };
  return `${JSON.stringify(data)}\n`;
}
