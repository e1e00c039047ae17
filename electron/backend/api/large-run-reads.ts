import type { ExportedFile } from '../../../shared/api/history-methods';
import type { Finding } from '../../../shared/findings';
import type { ColumnarRun } from '../../../shared/run/task-columns';
import type { HistoryStore, RunReadPool } from '../history';
import { exportRunFile, type ExportFormat } from '../transfer';

/**
 * The reads that take hundreds of milliseconds for a large run: on the pool's threads when there is a pool,
 * on this thread when there is none or once it has failed (slower, but every call is still answered; the
 * log says why, once).
 */
export class LargeRunReads {
  readonly #store: HistoryStore;
  #pool: RunReadPool | null;

  constructor(store: HistoryStore, pool: RunReadPool | null) {
    this.#store = store;
    this.#pool = pool;
  }

  columnarRun(id: number): Promise<ColumnarRun | null> {
    return this.#read((pool) => pool.getColumnarRun(id), () => this.#store.getColumnarRun(id));
  }

  findings(id: number): Promise<Finding[] | null> {
    return this.#read((pool) => pool.getFindings(id), () => this.#store.getFindings(id));
  }

  exportRun(id: number, format: ExportFormat): Promise<ExportedFile | null> {
    return this.#read(
      (pool) => pool.exportRun(id, format),
      () => {
        const run = this.#store.getExportableRun(id);
        return run === null ? null : exportRunFile(run, format);
      },
    );
  }

  async #read<T>(onPool: (pool: RunReadPool) => Promise<T>, here: () => T): Promise<T> {
    const pool = this.#pool;
    if (pool === null) return here();
    try {
      return await onPool(pool);
    } catch (error) {
      this.#pool = null;
      console.error('Reading runs on worker threads failed; reading them on the main thread from now on:', error);
      return here();
    }
  }
}
