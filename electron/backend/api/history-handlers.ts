import { ApiError } from '../../../shared/api/api-error';
import type { ColumnarRun } from '../../../shared/run/task-columns';
import type { HistoryStore, RunReadPool } from '../history';
import type { ApiHandlers } from './api-endpoint';

type HistoryHandlers = Pick<
  ApiHandlers,
  'history.list' | 'history.get' | 'history.getColumnar' | 'history.update' | 'history.delete' | 'history.restore'
>;

/** The run history as the store keeps it; large runs are read on `reads`' threads when there is a pool. */
export function historyHandlers(store: HistoryStore, reads?: RunReadPool): HistoryHandlers {
  let poolFailed = false;
  const columnarRun = async (id: number): Promise<ColumnarRun | null> => {
    if (reads === undefined || poolFailed) return store.getColumnarRun(id);
    try {
      return await reads.getColumnarRun(id);
    } catch (error) {
      // Slower on this thread, but the comparison still opens; the log says why.
      poolFailed = true;
      console.error('Reading runs on worker threads failed; reading them on the main thread from now on:', error);
      return store.getColumnarRun(id);
    }
  };
  return {
    'history.list': (query) => ({ runs: store.listRuns(query), total: store.countRuns(query) }),
    'history.get': ({ id }) => found(id, store.getRun(id)),
    'history.getColumnar': async ({ id }) => found(id, await columnarRun(id)),
    'history.update': ({ id, ...patch }) => store.updateRun(id, patch),
    'history.delete': ({ ids }) => ({ deleted: store.deleteRuns(ids) }),
    'history.restore': ({ ids }) => ({ restored: store.restoreRuns(ids) }),
  };
}

function found<Run>(id: number, run: Run | null): Run {
  if (run === null) throw new ApiError('not_found', `There is no run with id ${id}.`);
  return run;
}
