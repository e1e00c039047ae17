import { ApiError } from '../../../shared/api/api-error';
import type { HistoryStore } from '../history';
import { exportRunFile, ImportError, parseRunImport } from '../transfer';
import type { ApiHandlers } from './api-endpoint';

/** Export and import of runs, in the formats of the transfer module. */
export function transferHandlers(store: HistoryStore): Pick<ApiHandlers, 'history.export' | 'history.import'> {
  return {
    'history.export': ({ id, format }) => {
      const run = store.getRun(id);
      if (run === null) throw new ApiError('not_found', `There is no run with id ${id}.`);
      return exportRunFile(run, format);
    },
    'history.import': ({ text }) => {
      let data;
      try {
        data = parseRunImport(text);
      } catch (error) {
        if (error instanceof ImportError) throw new ApiError('bad_request', error.message, [...error.problems]);
        throw error;
      }
      return { id: store.importRun(data) };
    },
  };
}
