import { ApiError } from '../../../shared/api/api-error';
import type { HistoryStore } from '../history';
import type { ApiHandlers } from './api-endpoint';

type HistoryHandlers = Pick<
  ApiHandlers,
  'history.list' | 'history.get' | 'history.update' | 'history.delete' | 'history.restore'
>;

/** The run history as the store keeps it. */
export function historyHandlers(store: HistoryStore): HistoryHandlers {
  return {
    'history.list': (query) => ({ runs: store.listRuns(query), total: store.countRuns(query) }),
    'history.get': ({ id }) => {
      const run = store.getRun(id);
      if (run === null) throw new ApiError('not_found', `There is no run with id ${id}.`);
      return run;
    },
    'history.update': ({ id, ...patch }) => store.updateRun(id, patch),
    'history.delete': ({ ids }) => ({ deleted: store.deleteRuns(ids) }),
    'history.restore': ({ ids }) => ({ restored: store.restoreRuns(ids) }),
  };
}
