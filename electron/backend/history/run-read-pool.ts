import { Piscina } from 'piscina';
import type { ExportedFile } from '../../../shared/api/history-methods';
import type { Finding } from '../../../shared/findings';
import type { ColumnarRun } from '../../../shared/run/task-columns';
import type { ExportFormat } from '../transfer/export-formats';
import { entryPointBeside } from '../../engine/entry-points';
import type { RunReadRequest, RunReadWorkerData } from './run-read-request';

/**
 * Reads large runs on worker threads, each with its own read-only connection (WAL lets readers run beside
 * the writer). Reading a run of 100,000 tasks is about 200 ms of synchronous SQLite, and writing it as an
 * export file as much again: on the host's thread, the two runs of a comparison would be read one after
 * the other while every other call (and in the desktop app, the main process) waits. The threads connect
 * when the pool starts, so the first read is as fast as the next.
 */
export class RunReadPool {
  readonly #pool: Piscina<RunReadRequest, unknown>;
  #failure: Error | null = null;
  #closed: Promise<void> | null = null;

  private constructor(pool: Piscina<RunReadRequest, unknown>) {
    this.#pool = pool;
  }

  /** Starts `threads` readers of the history file at `path` (migrated already: they only read). */
  static start(path: string, options: { nativeBinding?: string; threads?: number } = {}): RunReadPool {
    const threads = options.threads ?? 2;
    const { file, execArgv } = entryPointBeside(import.meta.url, 'run-read-worker.ts', 'history-reader.js');
    const workerData: RunReadWorkerData = { path, ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }) };
    const pool = new Piscina<RunReadRequest, unknown>({ filename: file, execArgv, workerData, minThreads: threads, maxThreads: threads });
    const readers = new RunReadPool(pool);
    // A thread that cannot start or connect would be restarted forever (and an unheard 'error' would end
    // the process): the first failure stops the pool, and every read after it fails at once with the reason.
    pool.on('error', (error: Error) => readers.#fail(error));
    for (let i = 0; i < threads; i++) pool.run({ type: 'open' }).catch((error: Error) => readers.#fail(error));
    return readers;
  }

  /** Like `HistoryStore.getColumnarRun`, on a thread of the pool. */
  getColumnarRun(id: number): Promise<ColumnarRun | null> {
    return this.#run({ type: 'columnar', id }) as Promise<ColumnarRun | null>;
  }

  /** The run as an export file (`exportRunFile`), or null when there is no such run. */
  exportRun(id: number, format: ExportFormat): Promise<ExportedFile | null> {
    return this.#run({ type: 'export', id, format }) as Promise<ExportedFile | null>;
  }

  /** The run's findings (`RunReader.getFindings`), read and computed on a thread of the pool. */
  getFindings(id: number): Promise<Finding[] | null> {
    return this.#run({ type: 'findings', id }) as Promise<Finding[] | null>;
  }

  #run(request: RunReadRequest): Promise<unknown> {
    if (this.#failure !== null) return Promise.reject(this.#failure);
    // A read cut short by the pool stopping fails with the reason it stopped.
    return this.#pool.run(request).catch((error: unknown) => {
      throw this.#failure ?? error;
    });
  }

  close(): Promise<void> {
    this.#closed ??= this.#pool.destroy();
    return this.#closed;
  }

  #fail(error: Error): void {
    if (this.#failure !== null) return;
    this.#failure = error;
    void this.close();
  }
}
