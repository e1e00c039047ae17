import { createApiClient, type ApiClient } from '../../../shared/api/api-client';
import { createBackend } from '../../../electron/backend/api/create-backend';
import type { HistoryStore } from '../../../electron/backend/history';
import { RunService } from '../../../electron/backend/runs/run-service';

/** For tests that start no run: a launch would be a bug. */
export const NO_ENGINES = { launch: () => { throw new Error('no engine should start in these tests'); } };

/** The API client of a backend over `store` that starts no engine. */
export function apiOver(store: HistoryStore): ApiClient {
  return createApiClient(createBackend({ store, runService: new RunService({ store, launcher: NO_ENGINES }) }));
}
