import { getContext, setContext } from 'svelte';

/** How the page stands with its backend; the desktop app's IPC bridge is always `open`. */
export type BackendState = 'open' | 'lost' | 'restarted';

/** A connection that can be lost and come back, as `connectApi` gives it for the browser host. */
export interface LosableConnection {
  onConnectionChange(listener: (state: BackendState) => void): () => void;
}

/** Whether the page has the backend right now; `onBack` runs each time the connection is back. */
export class ConnectionStatus {
  #state = $state<BackendState>('open');

  constructor(connection: LosableConnection | null, onBack: () => void) {
    connection?.onConnectionChange((state) => {
      this.#state = state;
      if (state === 'open') onBack();
    });
  }

  get state(): BackendState { return this.#state; }
  /** True while nothing the backend knows can be read: what runs do meanwhile is unknown. */
  get lost(): boolean { return this.#state !== 'open'; }
}

const CONTEXT_KEY = Symbol('backend connection');

/** Makes the backend's status readable by every view below the calling component. */
export function provideConnectionStatus(status: ConnectionStatus): void {
  setContext(CONTEXT_KEY, status);
}

/** The status `provideConnectionStatus` gave, or null outside the app (component tests). */
export function connectionStatus(): ConnectionStatus | null {
  return getContext<ConnectionStatus | undefined>(CONTEXT_KEY) ?? null;
}
