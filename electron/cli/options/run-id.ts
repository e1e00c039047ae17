import type { HistoryStore } from '../../backend/history';
import type { RunDetail } from '../../../shared/run/run-schema';
import { UsageError } from '../cli-error';
import { readWholeNumber } from './numbers';

/** Reads a run id argument: a whole number >= 1. */
export function parseRunId(text: string): number {
  const id = readWholeNumber(text, 1);
  if (id === undefined) throw UsageError.of(`run id must be a whole number >= 1, got "${text}"`);
  return id;
}

/** The recorded run with this id; bad usage (exit 2) when there is none. */
export function requireRun(store: HistoryStore, id: number): RunDetail {
  const run = store.getRun(id);
  if (run === null) throw UsageError.of(`There is no run with id ${id} in ${store.path}.`);
  return run;
}
