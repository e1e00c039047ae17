import { ApiError } from '../../../shared/api/api-error';
import { loadExperiment, type ExperimentRunner } from '../experiments';
import type { HistoryStore } from '../history';
import type { ApiHandlers } from './api-endpoint';
import type { ApiEventHub } from './event-hub';
import { ExperimentRelay } from './experiment-relay';

type ExperimentHandlers = Pick<
  ApiHandlers,
  'experiments.list' | 'experiments.get' | 'experiments.run' | 'experiments.open' | 'experiments.cancel' | 'experiments.active'
>;

/** Experiments as the history store keeps them, run in the background through the run service. */
export function experimentHandlers(store: HistoryStore, runService: ExperimentRunner, events: ApiEventHub): ExperimentHandlers {
  const relay = new ExperimentRelay(runService, store, events);
  return {
    'experiments.list': () => store.listExperiments(),
    'experiments.get': ({ id }) => {
      const experiment = store.getExperiment(id);
      if (experiment === null) throw new ApiError('not_found', `There is no experiment with id ${id}.`);
      return experiment;
    },
    'experiments.run': (spec) => relay.start(spec),
    'experiments.open': ({ id }) => loadExperiment(store, id),
    'experiments.cancel': ({ experimentId }) => ({ cancelled: relay.cancel(experimentId) }),
    'experiments.active': () => relay.active(),
  };
}
