import { ApiError } from '../../../shared/api/api-error';
import type { HistoryStore } from '../history';
import type { ApiHandlers } from './api-endpoint';

/** Experiments as the history store keeps them. */
export function experimentHandlers(store: HistoryStore): Pick<ApiHandlers, 'experiments.list' | 'experiments.get'> {
  return {
    'experiments.list': () => store.listExperiments(),
    'experiments.get': ({ id }) => {
      const experiment = store.getExperiment(id);
      if (experiment === null) throw new ApiError('not_found', `There is no experiment with id ${id}.`);
      return experiment;
    },
  };
}
