import { workerData } from 'piscina';
import type { ColumnarRun } from '../../../shared/run/task-columns';
import { openDatabase } from './open-database';
import { RunReader } from './run-reader';
import type { RunReadRequest, RunReadWorkerData } from './run-read-request';

let reader: RunReader | undefined;

/** A thread of `RunReadPool`: its own read-only connection to the history, opened on the first request. */
export default function readRun(request: RunReadRequest): ColumnarRun | null {
  const { path, nativeBinding } = workerData as RunReadWorkerData;
  reader ??= new RunReader(openDatabase(path, { readonly: true, ...(nativeBinding === undefined ? {} : { nativeBinding }) }));
  return request.type === 'open' ? null : reader.getColumnarRun(request.id);
}
