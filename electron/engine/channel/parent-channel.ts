import type { EngineEvent } from '../../../shared/protocol/engine-protocol';

/** The engine's link to the process that started it, whichever way it was started. */
export interface ParentChannel {
  /** Resolves once the event has left this process (at once where the transport does not say). */
  send(event: EngineEvent): Promise<void>;
  /** Every message from the parent, unchecked. */
  onMessage(listener: (message: unknown) => void): void;
  /** Resolves when everything sent so far has left this process (so exiting loses nothing). */
  flushed(): Promise<void>;
  /** Whether this process ends by itself once its parent has gone (when its event loop is free to hear of it). */
  endsWithParent: boolean;
}

/** The part of Electron's `process.parentPort` (in a utilityProcess) the engine uses. */
interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

function utilityProcessChannel(port: ElectronParentPort): ParentChannel {
  return {
    send: async (event) => port.postMessage(event),
    onMessage: (listener) => port.on('message', (event) => listener(event.data)),
    flushed: async () => {},
    endsWithParent: false,
  };
}

function forkChannel(): ParentChannel {
  let unsent = 0;
  let onFlushed: (() => void)[] = [];
  // Nobody is left to report to once the parent has gone.
  process.once('disconnect', () => process.exit(0));
  return {
    send: (event) =>
      new Promise((resolve) => {
        unsent += 1;
        process.send?.(event, undefined, {}, () => {
          unsent -= 1;
          resolve();
          if (unsent > 0) return;
          for (const flushed of onFlushed) flushed();
          onFlushed = [];
        });
      }),
    onMessage: (listener) => process.on('message', listener),
    flushed: () => (unsent === 0 ? Promise.resolve() : new Promise((resolve) => onFlushed.push(resolve))),
    endsWithParent: true,
  };
}

/**
 * Connects to the parent: Electron's `process.parentPort` in a utilityProcess, the IPC channel of
 * `child_process.fork` otherwise. Throws when the process was started without either.
 */
export function connectToParent(): ParentChannel {
  const parentPort = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort !== undefined) return utilityProcessChannel(parentPort);
  if (process.send !== undefined) return forkChannel();
  throw new Error('the engine must be started by its launcher (child_process.fork or utilityProcess), not run directly');
}
