import { ApiError } from '../../../shared/api/api-error';
import type { HistoryStore } from '../history';
import type { ApiHandlers } from './api-endpoint';
import type { LargeRunReads } from './large-run-reads';

type HistoryHandlers = Pick<
  ApiHandlers,
  'history.list' | 'history.get' | 'history.getColumnar' | 'history.getRuntime' | 'history.findings' | 'history.update' | 'history.delete' | 'history.restore'
>;

/** The run history as the store keeps it; large runs are read through `reads`, off this thread where it can. */
export function historyHandlers(store: HistoryStore, reads: LargeRunReads): HistoryHandlers {
  return {
    'history.list': (query) => ({ runs: store.listRuns(query), total: store.countRuns(query) }),
    'history.get': ({ id }) => found(id, store.getRun(id)),
    'history.getColumnar': async ({ id }) => found(id, await reads.columnarRun(id)),
    'history.findings': async ({ id }) => found(id, await reads.findings(id)),
    'history.getRuntime': ({ id }) => {
      found(id, store.getRunSummary(id));
      return store.getPackedRuntime(id);
    },
    'history.update': ({ id, ...patch }) => store.updateRun(id, patch),
    'history.delete': ({ ids }) => ({ deleted: store.deleteRuns(ids) }),
    'history.restore': ({ ids }) => ({ restored: store.restoreRuns(ids) }),
  };
}

/** The run, or `not_found` naming the id. */
export function found<Run>(id: number, run: Run | null): Run {
  if (run === null) throw new ApiError('not_found', `There is no run with id ${id}.`);
  return run;
}
