import type { ApiTransport } from '../../../shared/api/api-transport';

/** A transport that serves only some names of the contract. */
export interface PartialTransport {
  transport: ApiTransport;
  methods: ReadonlySet<string>;
  events: ReadonlySet<string>;
}

/**
 * One transport out of the shared backend and the desktop's own endpoint (native dialogs, menu events):
 * each call and subscription goes to the one that serves its name, everything else to the backend,
 * which refuses names that are not in the contract.
 */
export function combineTransports(desktop: PartialTransport, backend: ApiTransport): ApiTransport {
  return {
    call: (method, args) => (desktop.methods.has(method) ? desktop.transport : backend).call(method, args),
    subscribe: (event, listener) => (desktop.events.has(event) ? desktop.transport : backend).subscribe(event, listener),
  };
}
