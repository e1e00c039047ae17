import type { ExportFormat } from '../transfer/export-formats';

/** What a `RunReadPool` thread is started with. */
export interface RunReadWorkerData {
  path: string;
  nativeBinding?: string;
}

/**
 * `open` makes a thread connect before the first real read; `columnar` reads one run; `export` writes one as a
 * file; `findings` reads one and answers only its findings.
 */
export type RunReadRequest =
  | { type: 'open' }
  | { type: 'columnar'; id: number }
  | { type: 'export'; id: number; format: ExportFormat }
  | { type: 'findings'; id: number };
