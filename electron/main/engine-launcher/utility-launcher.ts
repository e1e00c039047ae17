import path from 'node:path';
import { utilityProcess } from 'electron';
import { ENGINE_V8_FLAGS } from '../../engine/entry-points';
import { listeningUrl } from '../../backend/runs/target-process';
import type { EngineLauncher } from '../../backend/runs/engine-launcher';
import { engineEnvironment } from './engine-environment';
import { utilityEngineProcess } from './utility-engine-process';

/** The name the engine processes have in `app.getAppMetrics()` and crash reports. */
export const ENGINE_SERVICE_NAME = 'Concurrency Explorer engine';
/** The name of the built-in HTTP target's process. */
const TARGET_SERVICE_NAME = 'Concurrency Explorer HTTP target';

/**
 * Starts each run's engine in its own Electron utility process (never a thread of the main process, so a
 * scenario that blocks its event loop leaves the window responsive and can be killed): the built
 * `out/main/engine.js` (`engineFile`), with the run's `UV_THREADPOOL_SIZE` and the Electron-ABI SQLite driver.
 */
export function utilityLauncher(options: { engineFile: string; sqliteBinding: string }): EngineLauncher {
  return {
    // The built-in HTTP target beside the engine: `out/main/target-server.js`, in a utility process of its own.
    launchTarget: () =>
      new Promise((resolve, reject) => {
        const child = utilityProcess.fork(path.join(path.dirname(options.engineFile), 'target-server.js'), [], { serviceName: TARGET_SERVICE_NAME, stdio: 'inherit' });
        child.once('exit', (code) => reject(new Error(`the built-in HTTP target server could not start: its process exited (code ${code})`)));
        child.once('message', (message) => {
          const url = listeningUrl(message);
          child.removeAllListeners('exit');
          if (url === null || child.pid === undefined) {
            child.kill();
            reject(new Error('the built-in HTTP target server could not start: its process sent an unexpected message'));
          } else resolve({ url, pid: child.pid, stop: () => void child.kill() });
        });
      }),
    launch({ threadpoolSize }) {
      const child = utilityProcess.fork(options.engineFile, [], {
        execArgv: [...ENGINE_V8_FLAGS],
        env: engineEnvironment(process.env, { threadpoolSize, sqliteBinding: options.sqliteBinding }),
        serviceName: ENGINE_SERVICE_NAME,
        stdio: 'inherit',
      });
      return utilityEngineProcess(child);
    },
  };
}
