import { errorMessage } from '../../../shared/errors/error-message';
import { startTargetServer } from './target-server';

/**
 * The built-in HTTP target in a process of its own, so that the client under test (the engine, or another
 * runtime's runner) and the server never share a loop: it listens on a free loopback port, tells its parent
 * `{ type: 'listening', url }` over IPC, and ends when the parent disconnects (the run is over, or the parent died).
 */
startTargetServer().then(
  (server) => {
    process.on('disconnect', () => void server.close().finally(() => process.exit(0)));
    process.send?.({ type: 'listening', url: server.url });
  },
  (error: unknown) => {
    process.stderr.write(`${errorMessage(error)}\n`);
    process.exit(1);
  },
);
