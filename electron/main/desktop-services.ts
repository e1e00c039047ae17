import type { BrowserWindow } from 'electron';
import { createBackend } from '../backend/api/create-backend';
import { HistoryStore, RunReadPool } from '../backend/history';
import { RunService } from '../backend/runs/run-service';
import { spareEngineLauncher } from '../backend/runs/spare-engine-launcher';
import { DEFAULT_THREADPOOL_SIZE } from '../../shared/scenario';
import { createDesktopApi, type DesktopApi } from './desktop-api';
import { nativeFileChooser } from './dialogs/native-file-chooser';
import { utilityLauncher } from './engine-launcher/utility-launcher';
import type { UpdateController } from './updates/update-controller';

/** How long quitting waits for cancelled runs to record their last tasks. */
const SHUTDOWN_GRACE_MS = 3000;

/** The backend as the desktop app runs it, and its shutdown. */
export interface DesktopServices extends DesktopApi {
  /** Cancels the runs under way, waits (briefly) for them to be recorded, and closes the history. */
  shutdown(): Promise<void>;
}

/**
 * Opens the history (with the Electron-ABI SQLite driver), marks the runs a dead app left `running` as
 * `interrupted`, and serves the same backend as the CLI and the browser host, with engines in utility
 * processes. The main process only relays and persists: no scenario ever runs in it.
 */
export function startDesktopServices(options: {
  databasePath: string;
  /** The built engine entry, `out/main/engine.js`. */
  engineFile: string;
  sqliteBinding: string;
  parentWindow: () => BrowserWindow | null;
  /** This start's update, for the renderer's "Restart to update". */
  updates: Pick<UpdateController, 'readyVersion' | 'restart'>;
}): DesktopServices {
  const store = HistoryStore.open(options.databasePath, { nativeBinding: options.sqliteBinding, readonlyWhenNotWritable: true });
  if (store.readOnly) console.warn(store.readOnlyNotice());
  const interrupted = store.markInterruptedRuns();
  if (interrupted > 0) console.log(`Marked ${interrupted} run(s) left unfinished by an earlier session as interrupted.`);
  const engines = utilityLauncher({ engineFile: options.engineFile, sqliteBinding: options.sqliteBinding });
  const launcher = spareEngineLauncher(engines, { threadpoolSize: DEFAULT_THREADPOOL_SIZE });
  const runService = new RunService({ store, launcher });
  const runReads = RunReadPool.start(options.databasePath, { nativeBinding: options.sqliteBinding });
  const api = createDesktopApi(createBackend({ store, runService, runReads }), nativeFileChooser(options.parentWindow), options.updates);
  return {
    ...api,
    async shutdown() {
      const runs = runService.stop();
      launcher.close();
      const grace = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
      await Promise.race([Promise.allSettled(runs.map((run) => run.done)), grace]);
      await runReads.close();
      store.close();
    },
  };
}
