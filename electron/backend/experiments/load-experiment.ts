import { experimentStats, type ExperimentRun, type ReopenedExperiment } from '../../../shared/experiments/experiment-summary';
import { HistoryError, type HistoryStore } from '../history';

/** What reopening an experiment needs of the history store. */
export type ExperimentReader = Pick<HistoryStore, 'getExperiment' | 'getRun' | 'getRunSummary'>;

/**
 * Reopens an experiment from the history as a whole: its runs (those not in the trash, in the order they
 * ran) and the statistics computed again from their stored metrics. Throws `HistoryError` `not-found` for
 * an unknown id.
 */
export function loadExperiment(store: ExperimentReader, id: number): ReopenedExperiment {
  const experiment = store.getExperiment(id);
  if (experiment === null) throw HistoryError.notFound('experiment', id);
  const runs: ExperimentRun[] = experiment.runIds.flatMap((runId) => {
    const summary = store.getRunSummary(runId);
    const detail = store.getRun(runId);
    return summary === null || detail === null ? [] : [{ ...summary, metrics: detail.metrics }];
  });
  const stats = experimentStats(experiment.kind, runs);
  const { runIds: _runIds, ...fields } = experiment;
  return { ...fields, runs, ...stats };
}
