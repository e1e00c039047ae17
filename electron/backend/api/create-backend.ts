import type { ApiTransport } from '../../../shared/api/api-transport';
import type { HistoryStore, RunReadPool } from '../history';
import type { RunService } from '../runs/run-service';
import { createApiEndpoint } from './api-endpoint';
import { consentHandlers } from './consent-handlers';
import { ApiEventHub } from './event-hub';
import { experimentHandlers } from './experiment-handlers';
import { translateHistoryErrors } from './history-errors';
import { historyHandlers } from './history-handlers';
import { LargeRunReads } from './large-run-reads';
import { runHandlers } from './run-handlers';
import { runtimeHandlers } from './runtime-handlers';
import { scenarioHandlers } from './scenario-handlers';
import { transferHandlers } from './transfer-handlers';

export interface BackendServices {
  store: HistoryStore;
  runService: RunService;
  /** Threads for reading large runs; without it they are read on the caller's thread. */
  runReads?: RunReadPool;
}

/**
 * The API implemented once for every host (Electron IPC, the browser host's WebSocket, tests in-process):
 * every call validated against the contract, every failure an `ApiError`, every run's events relayed.
 */
export function createBackend({ store, runService, runReads }: BackendServices): ApiTransport {
  const events = new ApiEventHub();
  const reads = new LargeRunReads(store, runReads ?? null);
  const handlers = translateHistoryErrors({
    ...scenarioHandlers(store),
    ...consentHandlers(store),
    ...runHandlers(runService, events),
    ...runtimeHandlers(),
    ...historyHandlers(store, reads),
    ...transferHandlers(store, reads),
    ...experimentHandlers(store, runService, events),
  });
  return createApiEndpoint(handlers, events);
}
