/** What a `RunReadPool` thread is started with. */
export interface RunReadWorkerData {
  path: string;
  nativeBinding?: string;
}

/** `open` makes a thread connect before the first real read; `columnar` reads one run. */
export type RunReadRequest = { type: 'open' } | { type: 'columnar'; id: number };
