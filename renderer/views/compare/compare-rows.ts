import type { RunDetail } from '../../../shared/run/run-schema';
import { summaryFigures } from '../../state/results/summary-figures';

/** One measure across the compared runs: its label and each run's value as text. */
export interface CompareRow {
  label: string;
  values: string[];
}

/** The run-summary figures of several runs side by side (a run with no metrics shows a dash). */
export function compareRows(runs: readonly RunDetail[]): CompareRow[] {
  const columns = runs.map((run) => (run.metrics === null ? null : summaryFigures(run.metrics)));
  const labels = columns.find((c) => c !== null)?.map((f) => f.label) ?? [];
  return labels.map((label, i) => ({ label, values: columns.map((c) => c?.[i]?.value ?? '—') }));
}
