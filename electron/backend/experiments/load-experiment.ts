import { experimentStats, type ExperimentRun, type ReopenedExperiment } from '../../../shared/experiments/experiment-summary';
import { variantExpectations } from '../../../shared/experiments/variant-expectations';
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
  const read = experiment.runIds.map((runId) => {
    const summary = store.getRunSummary(runId);
    const detail = store.getRun(runId);
    return summary === null || detail === null ? null : { run: { ...summary, metrics: detail.metrics }, scenario: detail.scenario };
  });
  const runs: ExperimentRun[] = read.flatMap((r) => (r === null ? [] : [r.run]));
  const stats = experimentStats(experiment.kind, runs);
  const expectations = variantExpectations(
    experiment.params,
    read.map((r) => (r === null ? null : { status: r.run.status, metrics: r.run.metrics, scenario: r.scenario })),
  );
  const { runIds: _runIds, ...fields } = experiment;
  return { ...fields, runs, ...stats, ...(expectations === undefined ? {} : { expectations }) };
}
