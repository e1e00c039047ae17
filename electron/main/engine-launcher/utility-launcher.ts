import { utilityProcess } from 'electron';
import type { EngineLauncher } from '../../backend/runs/engine-launcher';
import { engineEnvironment } from './engine-environment';
import { utilityEngineProcess } from './utility-engine-process';

/** The name the engine processes have in `app.getAppMetrics()` and crash reports. */
export const ENGINE_SERVICE_NAME = 'Concurrency Explorer engine';

/**
 * Starts each run's engine in its own Electron utility process (never a thread of the main process, so a
 * scenario that blocks its event loop leaves the window responsive and can be killed): the built
 * `out/main/engine.js` (`engineFile`), with the run's `UV_THREADPOOL_SIZE` and the Electron-ABI SQLite driver.
 */
export function utilityLauncher(options: { engineFile: string; sqliteBinding: string }): EngineLauncher {
  return {
    launch({ threadpoolSize }) {
      const child = utilityProcess.fork(options.engineFile, [], {
        env: engineEnvironment(process.env, { threadpoolSize, sqliteBinding: options.sqliteBinding }),
        serviceName: ENGINE_SERVICE_NAME,
        stdio: 'inherit',
      });
      return utilityEngineProcess(child);
    },
  };
}
