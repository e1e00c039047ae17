import type { ReopenedExperiment } from '../../../shared/stats/experiment-summary';
import { loadExperiment } from '../../backend/experiments';
import type { HistoryStore } from '../../backend/history';
import { UsageError } from '../cli-error';
import { readWholeNumber } from './numbers';

/** Reads an experiment id argument: a whole number >= 1. */
export function parseExperimentId(text: string): number {
  const id = readWholeNumber(text, 1);
  if (id === undefined) throw UsageError.of(`experiment id must be a whole number >= 1, got "${text}"`);
  return id;
}

/** The experiment with this id, reopened as a whole; bad usage (exit 2) when there is none. */
export function requireExperiment(store: HistoryStore, id: number): ReopenedExperiment {
  if (store.getExperiment(id) === null) throw UsageError.of(`There is no experiment with id ${id} in ${store.path}.`);
  return loadExperiment(store, id);
}
