import { errorMessage } from '../../../shared/errors/error-message';
import { startTargetServer } from './target-server';

/** Electron's channel to the parent of a utility process (absent in a process forked by Node). */
const parentPort = (process as { parentPort?: { postMessage(message: unknown): void } }).parentPort;

/**
 * The built-in HTTP target in a process of its own, so that the client under test (the engine, or another
 * runtime's runner) and the server never share a loop: it listens on a free loopback port, tells its parent
 * `{ type: 'listening', url }` (over Node's IPC, or a utility process's parent port), and ends when a forked one's
 * parent disconnects (the run is over, or the parent died); Electron ends a utility process with its app.
 */
startTargetServer().then(
  (server) => {
    process.on('disconnect', () => void server.close().finally(() => process.exit(0)));
    const listening = { type: 'listening', url: server.url };
    if (parentPort === undefined) process.send?.(listening);
    else parentPort.postMessage(listening);
  },
  (error: unknown) => {
    process.stderr.write(`${errorMessage(error)}\n`);
    process.exit(1);
  },
);
