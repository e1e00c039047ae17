import { ApiError } from '../../../shared/api/api-error';
import type { HistoryStore } from '../history';
import { ImportError, importRunText } from '../transfer';
import type { ApiHandlers } from './api-endpoint';
import { found } from './history-handlers';
import type { LargeRunReads } from './large-run-reads';

/** Export and import of runs, in the formats of the transfer module; exports are written off this thread where they can be. */
export function transferHandlers(store: HistoryStore, reads: LargeRunReads): Pick<ApiHandlers, 'history.export' | 'history.import'> {
  return {
    'history.export': async ({ id, format }) => found(id, await reads.exportRun(id, format)),
    'history.import': ({ text }) => {
      try {
        return { id: importRunText(store, text) };
      } catch (error) {
        if (error instanceof ImportError) throw new ApiError('bad_request', error.message, [...error.problems]);
        throw error;
      }
    },
  };
}
