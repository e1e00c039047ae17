import { strategyOnRuntime, strategyText } from '../../../shared/scenario';
import type { ExperimentRun, ReopenedExperiment } from '../../../shared/experiments/experiment-summary';
import { COMPARED_METRICS } from '../../../shared/stats/compare-metrics';
import type { RepeatedMetricComparison, RepeatedMetricRatio } from '../../../shared/stats/compare-repeats';
import { formatSummary, summaryWarnings, type RepeatStats, type SampleSummary } from '../../../shared/stats/sample-summary';
import type { WelchTest } from '../../../shared/stats/welch-test';
import type { SweepResult } from '../../../shared/stats/sweep';
import { renderMetricsTable } from './metrics-text';
import { formatBytes, formatMs, formatPerSecond, renderTable } from './plain-text';

function formatInUnit(unit: 'ms' | 'per s' | 'bytes', value: number): string {
  if (unit === 'ms') return formatMs(value);
  return unit === 'per s' ? formatPerSecond(value) : formatBytes(value);
}

function summaryRow(label: string, summary: SampleSummary, format: (n: number) => string): string[] {
  return [
    label,
    format(summary.mean),
    summary.sd === null ? '-' : format(summary.sd),
    summary.ci95 === null ? '-' : `${format(summary.ci95[0])} .. ${format(summary.ci95[1])}`,
    format(summary.min),
    format(summary.median),
    format(summary.max),
    summary.cv === null ? '-' : `${(summary.cv * 100).toFixed(1)}%`,
    String(summary.n),
  ];
}

/**
 * For every compared metric over the completed runs of a repeat: mean, standard deviation, 95% confidence
 * interval of the mean, min, median, max and coefficient of variation, then warnings about noisy runs and
 * outliers (as the UI gives them); says so when no run completed.
 */
export function renderRepeatStats(stats: RepeatStats | null): string {
  if (stats === null) return 'No run of this repeat completed: there are no statistics.\n';
  const metrics = COMPARED_METRICS.flatMap((metric) => {
    const summary = stats.metrics[metric.key];
    return summary === undefined ? [] : [{ metric, summary }];
  });
  const table = renderTable(
    ['statistic', 'mean', 'sd', '95% CI of the mean', 'min', 'median', 'max', 'cv', 'n'],
    metrics.map(({ metric, summary }) => summaryRow(metric.label, summary, (n) => formatInUnit(metric.unit, n))),
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  const warnings = metrics.flatMap(({ metric, summary }) => summaryWarnings(summary).map((warning) => `warning: ${metric.label}: ${warning}`));
  return warnings.length === 0 ? table : `${table}${warnings.join('\n')}\n`;
}

const KNEE_MARK = '<- knee';

/** Throughput and p99 latency against concurrency, the knee marked in the table and explained below it. */
export function renderSweep(sweep: SweepResult): string {
  if (sweep.points.length === 0) return 'No run of this sweep completed: there is no curve.\n';
  const knee = sweep.knee?.concurrency;
  const rows = sweep.points.map((p) => [
    String(p.concurrency),
    formatPerSecond(p.throughput),
    formatMs(p.p99),
    ...(knee === undefined ? [] : [p.concurrency === knee ? KNEE_MARK : '']),
  ]);
  const header = ['concurrency', 'throughput', 'latency p99', ...(knee === undefined ? [] : [''])];
  const table = renderTable(header, rows, ['right', 'right', 'right', 'left']);
  const verdict =
    sweep.knee === null
      ? 'No knee: throughput still grows at the highest concurrency, or latency does not climb where it levels off.'
      : `Knee at concurrency ${sweep.knee.concurrency}: ${sweep.knee.reason}.`;
  return `${table}\n${verdict}\n`;
}

function renderRuns(runs: readonly ExperimentRun[]): string {
  const rows = runs.map((r) => [
    String(r.id),
    r.name,
    strategyOnRuntime(r.strategy, r.runtimeName),
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
  return `${header}\n${renderRuns(experiment.runs)}\n${renderFindings(experiment)}${renderExpectations(experiment)}`;
}

/** A run of a built-in scenario's variants: each of its expectations, met or not, with a likely reason for a miss. */
function renderExpectations({ expectations }: ReopenedExperiment): string {
  if (expectations === undefined || expectations.length === 0) return '';
  const lines = expectations.map(({ check, sentence, reasonText }) =>
    check.met ? `  ${sentence}` : `  ${sentence} ${reasonText === null ? 'The app cannot tell why.' : `Likely reason: ${reasonText}.`}`,
  );
  return `\nexpectations of the built-in scenario:\n${lines.join('\n')}\n`;
}

const BYTES_PER_MB = 1024 * 1024;

/** A summary in the unit people read it in: bytes become MB, `per s` becomes `/s`. */
function summaryText(summary: SampleSummary, unit: string): string {
  if (unit !== 'bytes') return formatSummary(summary, unit === 'per s' ? '/s' : unit);
  const scale = (n: number) => n / BYTES_PER_MB;
  return formatSummary(
    {
      mean: scale(summary.mean),
      ci95: summary.ci95 === null ? null : [scale(summary.ci95[0]), scale(summary.ci95[1])],
      n: summary.n,
    },
    'MB',
  );
}

function welchText(welch: WelchTest | null): string {
  if (welch === null) return 'not tested';
  const p = welch.pValue < 0.001 ? 'p<0.001' : `p=${welch.pValue.toFixed(3)}`;
  return `${p}, ${welch.significant ? 'significant' : 'not significant'}`;
}

function otherCell(other: RepeatedMetricRatio, unit: string): string {
  return `${summaryText(other.summary, unit)}  ${other.ratioText} ${other.verdict}, ${welchText(other.welch)}`;
}

/**
 * Groups of repeated runs side by side (the output of `compareRepeats`): each metric's mean ± half its 95%
 * CI, and for each group after the first the ratio of the means, the verdict, and Welch's t-test.
 */
export function renderRepeatComparison(titles: readonly string[], rows: readonly RepeatedMetricComparison[]): string {
  const table = renderTable(
    ['metric', ...titles],
    rows.map((row) => [row.label, summaryText(row.baseline, row.unit), ...row.others.map((other) => otherCell(other, row.unit))]),
  );
  return (
    'Compared as repeats: mean ± half the 95% CI of each group; against the first group, the ratio of the means and\n' +
    "Welch's t-test (significant at p < 0.05; not tested unless both groups have 2+ runs with some spread).\n\n" +
    table
  );
}
