import { ApiError } from '../../../shared/api/api-error';
import { isApiEventName, type ApiEventName, type ApiEventPayload } from '../../../shared/api/api-contract';
import { errorMessage } from '../../../shared/errors/error-message';

type Listener = (payload: unknown) => void;

/** Fans the backend's events out to every subscriber (every window, every WebSocket). */
export class ApiEventHub {
  readonly #listeners = new Map<ApiEventName, Set<Listener>>();

  emit<E extends ApiEventName>(event: E, payload: ApiEventPayload<E>): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // One broken subscriber (e.g. a closed window) must not keep the others from hearing the event.
        console.error(`A listener of "${event}" failed: ${errorMessage(error)}`);
      }
    }
  }

  /** Throws an `unknown_event` ApiError for a name that is not in the contract. */
  subscribe(event: string, listener: Listener): () => void {
    if (!isApiEventName(event)) throw new ApiError('unknown_event', `"${event}" is not an event of the API`);
    let listeners = this.#listeners.get(event);
    if (listeners === undefined) this.#listeners.set(event, (listeners = new Set()));
    const mine: Listener = (payload) => listener(payload);
    listeners.add(mine);
    return () => listeners.delete(mine);
  }

  listenerCount(event: ApiEventName): number {
    return this.#listeners.get(event)?.size ?? 0;
  }
}
