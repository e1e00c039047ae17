import { strategyText } from '../../../shared/scenario/strategy-text';
import type { ExperimentRun, ReopenedExperiment } from '../../../shared/stats/experiment-summary';
import { formatPerSecond, renderMetricsTable } from './metric-rows';
import { renderRepeatStats } from './repeat-stats-table';
import { renderSweep } from './sweep-table';
import { renderTable } from './table';
import { formatMs } from './units';

function renderRuns(runs: readonly ExperimentRun[]): string {
  const rows = runs.map((r) => [
    String(r.id),
    r.name,
    strategyText(r.strategy),
    r.status,
    r.metrics === null ? '-' : formatMs(r.metrics.wallMs),
    r.metrics === null ? '-' : formatPerSecond(r.metrics.throughputPerSec),
    r.metrics === null ? '-' : formatMs(r.metrics.latencyMs.p99),
  ]);
  return renderTable(['id', 'name', 'strategy', 'status', 'wall', 'throughput', 'latency p99'], rows, [
    'right',
    'left',
    'left',
    'left',
    'right',
    'right',
    'right',
  ]);
}

/** What each kind of experiment adds below its runs: statistics, a comparison, or a curve. */
function renderFindings(experiment: ReopenedExperiment): string {
  switch (experiment.kind) {
    case 'repeat':
      return renderRepeatStats(experiment.stats ?? null);
    case 'matrix': {
      // A run of a built-in scenario's variants may repeat a strategy (one thread vs four): then the run names tell them apart.
      const strategies = experiment.runs.map((r) => strategyText(r.strategy));
      const distinct = new Set(strategies).size === strategies.length;
      return renderMetricsTable(
        experiment.runs.map((r, i) => ({ title: distinct ? strategies[i]! : r.name, metrics: r.metrics })),
        { compare: true },
      );
    }
    case 'sweep':
      return renderSweep(experiment.sweep ?? { points: [], knee: null });
  }
}

/** An experiment as a whole: what it was, its runs in the order they ran, and its findings. */
export function renderExperiment(experiment: ReopenedExperiment): string {
  const header = `experiment ${experiment.id}: ${experiment.name}\nkind: ${experiment.kind}   runs: ${experiment.runs.length}   created: ${experiment.createdAt}\n`;
  if (experiment.runs.length === 0) return `${header}\nIt has no runs left (they were deleted).\n`;
  return `${header}\n${renderRuns(experiment.runs)}\n${renderFindings(experiment)}`;
}
