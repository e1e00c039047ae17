import { errorMessage } from '../../shared/errors/error-message';
type Listener = (payload: unknown) => void;

/** The page's subscriptions to API events, fed by the one IPC event channel. */
export interface EventRelay {
  /** Delivers one event to every listener of its name. */
  dispatch(event: unknown, payload: unknown): void;
  /** Returns the way to unsubscribe. */
  subscribe(event: string, listener: Listener): () => void;
}

/**
 * Keeps the page's listeners in the preload, so that the main process sends each event once per window
 * whatever the number of listeners, and one failing listener does not keep the others from hearing it.
 */
export function createEventRelay(): EventRelay {
  const listeners = new Map<string, Set<Listener>>();
  return {
    dispatch(event, payload) {
      if (typeof event !== 'string') return;
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          listener(payload);
        } catch (error) {
          console.error(`A listener of "${event}" failed: ${errorMessage(error)}`);
        }
      }
    },
    subscribe(event, listener) {
      if (typeof event !== 'string' || typeof listener !== 'function') {
        throw new TypeError('subscribe(event, listener) needs an event name and a function');
      }
      let named = listeners.get(event);
      if (named === undefined) listeners.set(event, (named = new Set()));
      const mine: Listener = (payload) => listener(payload);
      named.add(mine);
      return () => {
        named.delete(mine);
      };
    },
  };
}
