import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import type { ExportedFile } from '../../../shared/api/history-methods';
import type { Finding } from '../../../shared/findings';
import type { ColumnarRun } from '../../../shared/run/task-columns';
import { exportRunFile } from '../transfer/export-formats';
import { openDatabase } from './open-database';
import { RunReader } from './run-reader';
import type { RunReadRequest, RunReadWorkerData } from './run-read-request';

let reader: RunReader | undefined;

/** A thread of `RunReadPool`: its own read-only connection to the history, opened on the first request. */
export default function readRun(request: RunReadRequest): ReturnType<typeof move> | ExportedFile | Finding[] | null {
  const { path, nativeBinding } = workerData as RunReadWorkerData;
  reader ??= new RunReader(openDatabase(path, { readonly: true, ...(nativeBinding === undefined ? {} : { nativeBinding }) }));
  switch (request.type) {
    case 'open':
      return null;
    case 'columnar': {
      const run = reader.getColumnarRun(request.id);
      return run === null ? null : withArraysMoved(run);
    }
    case 'export': {
      const run = reader.getExportableRun(request.id);
      return run === null ? null : exportRunFile(run, request.format);
    }
    case 'findings':
      return reader.getFindings(request.id);
  }
}

/**
 * The run for the pool's caller with its columns' buffers moved to that thread instead of copied: for a million
 * tasks that is 45 MB not serialised and copied back. Each buffer once (a buffer listed twice cannot be moved).
 */
function withArraysMoved(run: ColumnarRun): ReturnType<typeof move> {
  const buffers = new Set<ArrayBuffer>();
  for (const value of Object.values(run.tasks)) if (ArrayBuffer.isView(value)) buffers.add(value.buffer as ArrayBuffer);
  return move({ [transferableSymbol]: [...buffers], [valueSymbol]: run });
}
