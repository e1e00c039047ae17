import { workerData } from 'piscina';
import type { ExportedFile } from '../../../shared/api/history-methods';
import type { Finding } from '../../../shared/findings';
import type { ColumnarRun } from '../../../shared/run/task-columns';
import { exportRunFile } from '../transfer/export-formats';
import { openDatabase } from './open-database';
import { RunReader } from './run-reader';
import type { RunReadRequest, RunReadWorkerData } from './run-read-request';

let reader: RunReader | undefined;

/** A thread of `RunReadPool`: its own read-only connection to the history, opened on the first request. */
export default function readRun(request: RunReadRequest): ColumnarRun | ExportedFile | Finding[] | null {
  const { path, nativeBinding } = workerData as RunReadWorkerData;
  reader ??= new RunReader(openDatabase(path, { readonly: true, ...(nativeBinding === undefined ? {} : { nativeBinding }) }));
  switch (request.type) {
    case 'open':
      return null;
    case 'columnar':
      return reader.getColumnarRun(request.id);
    case 'export': {
      const run = reader.getExportableRun(request.id);
      return run === null ? null : exportRunFile(run, request.format);
    }
    case 'findings':
      return reader.getFindings(request.id);
  }
}
