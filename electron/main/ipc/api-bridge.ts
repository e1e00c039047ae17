import { API_CALL_CHANNEL, API_EVENT_CHANNEL, type ApiTransport } from '../../../shared/api/api-transport';
import { type AppLocation, type FrameLike, isTrustedSender } from '../security/app-location';
import { handleFromApp, type InvokeRegistry } from './validated-ipc';

/** A window's web contents, as far as event delivery needs it. */
export interface EventRecipient {
  readonly mainFrame: FrameLike;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

export interface ApiBridgeOptions {
  ipc: InvokeRegistry;
  /** Serves every call; validation and errors-as-data are its job. */
  transport: ApiTransport;
  app: AppLocation;
  /** Every event of the contract: each is relayed to the windows. */
  events: readonly string[];
  /** The windows to relay events to, looked up at each event. */
  targets: () => Iterable<EventRecipient>;
}

/**
 * Carries the API over Electron IPC with two channels derived from the contract, never one per method:
 * `invoke(API_CALL_CHANNEL, method, args)` answers an `ApiResponse`, and every event goes to the app's
 * windows as `(API_EVENT_CHANNEL, eventName, payload)`. Returns the way to take the bridge down.
 */
export function bridgeApi({ ipc, transport, app, events, targets }: ApiBridgeOptions): () => void {
  const unhandle = handleFromApp(ipc, API_CALL_CHANNEL, app, (method, args) => transport.call(method as string, args));
  const unsubscribes = events.map((name) =>
    transport.subscribe(name, (payload) => {
      for (const target of targets()) {
        if (!target.isDestroyed() && isTrustedSender(target.mainFrame, app)) target.send(API_EVENT_CHANNEL, name, payload);
      }
    }),
  );
  return () => {
    unhandle();
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
