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
 *
 * The columns a view draws have threads of their own (`views`): findings and exports of a million tasks take
 * seconds, and the run opened or compared next must not wait behind the ones asked for by the view before it.
 */
export class RunReadPool {
  readonly #views: Piscina<RunReadRequest, unknown>;
  readonly #background: Piscina<RunReadRequest, unknown>;
  #failure: Error | null = null;
  #closed: Promise<void> | null = null;

  private constructor(views: Piscina<RunReadRequest, unknown>, background: Piscina<RunReadRequest, unknown>) {
    this.#views = views;
    this.#background = background;
  }

  /** Starts `threads` readers for the views and one for findings and exports, of the history file at `path` (migrated already: they only read). */
  static start(path: string, options: { nativeBinding?: string; threads?: number } = {}): RunReadPool {
    const { file, execArgv } = entryPointBeside(import.meta.url, 'run-read-worker.ts', 'history-reader.js');
    const workerData: RunReadWorkerData = { path, ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }) };
    const pool = (threads: number) => new Piscina<RunReadRequest, unknown>({ filename: file, execArgv, workerData, minThreads: threads, maxThreads: threads });
    const views = options.threads ?? 2;
    const readers = new RunReadPool(pool(views), pool(1));
    // A thread that cannot start or connect would be restarted forever (and an unheard 'error' would end
    // the process): the first failure stops the pool, and every read after it fails at once with the reason.
    for (const [threads, each] of [[views, readers.#views], [1, readers.#background]] as const) {
      each.on('error', (error: Error) => readers.#fail(error));
      for (let i = 0; i < threads; i++) each.run({ type: 'open' }).catch((error: Error) => readers.#fail(error));
    }
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
    const pool = request.type === 'columnar' ? this.#views : this.#background;
    // A read cut short by the pool stopping fails with the reason it stopped.
    return pool.run(request).catch((error: unknown) => {
      throw this.#failure ?? error;
    });
  }

  close(): Promise<void> {
    this.#closed ??= Promise.all([this.#views.destroy(), this.#background.destroy()]).then(() => undefined);
    return this.#closed;
  }

  #fail(error: Error): void {
    if (this.#failure !== null) return;
    this.#failure = error;
    void this.close();
  }
}
