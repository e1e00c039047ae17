import { type AppLocation, type FrameLike, isTrustedSender } from '../security/app-location';

/** The event of an `ipcRenderer.invoke`, as far as the sender check reads it. */
export interface InvokeEvent {
  readonly senderFrame: FrameLike | null;
}

/** The part of Electron's `ipcMain` the bridge uses (plain objects stand in for it in tests). */
export interface InvokeRegistry {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** An IPC call refused because it did not come from the app's own page. */
export class UntrustedSenderError extends Error {
  override readonly name = 'UntrustedSenderError';
}

/**
 * Registers an invoke handler that serves only the app's own top-level page (`event.senderFrame`),
 * whatever else ends up loaded in a frame. Returns the way to remove it.
 */
export function handleFromApp(
  ipc: InvokeRegistry,
  channel: string,
  app: AppLocation,
  handler: (...args: unknown[]) => unknown,
): () => void {
  ipc.handle(channel, (event, ...args) => {
    if (!isTrustedSender(event.senderFrame, app)) {
      const from = event.senderFrame?.url ?? 'a frame that is gone';
      console.warn(`Refused an IPC call on "${channel}" from ${from}`);
      throw new UntrustedSenderError(`"${channel}" only serves the app's own page`);
    }
    return handler(...args);
  });
  return () => ipc.removeHandler(channel);
}
