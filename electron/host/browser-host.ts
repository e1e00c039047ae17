import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../backend/api/create-backend';
import { RunReadPool, type HistoryStore } from '../backend/history';
import { forkLauncher } from '../backend/runs/fork-launcher';
import { RunService } from '../backend/runs/run-service';
import { spareEngineLauncher } from '../backend/runs/spare-engine-launcher';
import { DEFAULT_THREADPOOL_SIZE } from '../../shared/scenario';
import { startHostServer, type HostServer } from './host-server';

/** Where `electron-vite build` puts the renderer. */
export const BUILT_RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

export interface BrowserHostOptions {
  /** The history to serve; the host leaves it open when it closes. */
  store: HistoryStore;
  bindAddress: string;
  port: number;
  rendererDir?: string;
}

/** The browser host's failures a person can act on (port taken, renderer not built, ...). */
export class HostError extends Error {
  override readonly name = 'HostError';
}

export interface BrowserHost extends Pick<HostServer, 'url' | 'origin' | 'port'> {
  /** Stops serving and cancels the runs under way (they are recorded as cancelled). */
  close(): Promise<void>;
}

/** The whole app for a browser: the history's runs, the API and the renderer, served on one port. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const rendererDir = options.rendererDir ?? BUILT_RENDERER_DIR;
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new HostError(`The renderer is not built (${rendererDir} has no index.html): run "npx electron-vite build" first, or use "npm run serve", which builds it.`);
  }
  const { store } = options;
  store.markInterruptedRuns();
  const launcher = spareEngineLauncher(forkLauncher(), { threadpoolSize: DEFAULT_THREADPOOL_SIZE });
  const runService = new RunService({ store, launcher });
  const runReads = RunReadPool.start(store.path);
  let server: HostServer;
  try {
    server = await startHostServer({ backend: createBackend({ store, runService, runReads }), rendererDir, bindAddress: options.bindAddress, port: options.port });
  } catch (error) {
    launcher.close();
    await runReads.close();
    throw listenError(error as NodeJS.ErrnoException, options);
  }
  return {
    url: server.url,
    origin: server.origin,
    port: server.port,
    async close() {
      await server.close();
      const cancelled = runService.stop();
      launcher.close();
      await Promise.all([...cancelled.map((run) => run.done), runReads.close()]);
    },
  };
}

function listenError(error: NodeJS.ErrnoException, { bindAddress, port }: BrowserHostOptions): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new HostError(`Port ${port} on ${bindAddress} is already in use: choose another with --port, or --port 0 for any free one.`);
    case 'EACCES':
      return new HostError(`This user may not listen on port ${port}: choose a port above 1023 with --port.`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new HostError(`${bindAddress} is not an address of this machine: check --host.`);
    default:
      return error;
  }
}
