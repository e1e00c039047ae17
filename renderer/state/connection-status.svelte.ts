/** A connection that can be lost and come back, as `connectApi` gives it for the browser host. */
export interface LosableConnection {
  onConnectionChange(listener: (state: 'open' | 'lost') => void): () => void;
}

/** Whether the page has lost the backend right now; `onBack` runs each time the connection is back. */
export class ConnectionStatus {
  #lost = $state(false);

  constructor(connection: LosableConnection | null, onBack: () => void) {
    connection?.onConnectionChange((state) => {
      this.#lost = state === 'lost';
      if (state === 'open') onBack();
    });
  }

  get lost(): boolean { return this.#lost; }
}
