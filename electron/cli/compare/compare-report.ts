import type { RunMetrics } from '../../../shared/metrics/metrics-schema';
import { mixesRecordVersions, OLDER_ENGINE_NOTE } from '../../../shared/run/record-version';
import type { RunDetail } from '../../../shared/run/run-schema';
import { strategyText } from '../../../shared/scenario';
import { compareRepeats, type RepeatedMetricComparison } from '../../../shared/stats/compare-repeats';
import { compareWithFirst, type RatiosToBaseline, renderMetricsTable, renderRepeatComparison } from '../format/metrics-text';
import type { RepeatGroup } from './repeat-groups';

/** One run of `compare --json`. These names are public. */
export interface ComparedRunJson {
  id: number;
  name: string;
  scenario: string;
  strategy: string;
  status: RunDetail['status'];
  experimentId: number | null;
  /** The engine record format the run was recorded with (`shared/run/record-version.ts`). */
  recordVersion: number;
  metrics: RunMetrics | null;
  /** `compareMetrics` against the first run, keyed by metric path; null when this run or the first has no metrics. */
  comparison: RatiosToBaseline | null;
}

/** The whole stdout of `compare --json`. */
export interface CompareJson {
  /** The id of the first run, which the others are compared with. */
  baseline: number;
  runs: ComparedRunJson[];
  /** When some compared runs belong to repeat experiments: the groups, and `compareRepeats` of them against the first. */
  repeats: { groups: RepeatGroup[]; metrics: RepeatedMetricComparison[] } | null;
  /** Set when some runs were recorded by an older engine, whose task times do not mean the same; else null. */
  note: string | null;
}

function compareGroups(groups: readonly RepeatGroup[]): RepeatedMetricComparison[] {
  const [baseline, ...others] = groups;
  return baseline === undefined ? [] : compareRepeats(baseline.metrics, others.map((g) => g.metrics));
}

/** `compare --json`: the runs with their comparison to the first, and the repeats compared as groups. */
export function compareJson(runs: readonly RunDetail[], groups: readonly RepeatGroup[] | null): CompareJson {
  const ratios = compareWithFirst(runs.map((r) => r.metrics), runs.map((r) => r.status === 'completed'));
  return {
    baseline: runs[0]?.id ?? 0,
    runs: runs.map((run, i) => ({
      id: run.id,
      name: run.name,
      scenario: run.scenarioName,
      strategy: strategyText(run.strategy),
      status: run.status,
      experimentId: run.experimentId,
      recordVersion: run.recordVersion,
      metrics: run.metrics,
      comparison: ratios[i] ?? null,
    })),
    repeats: groups === null ? null : { groups: [...groups], metrics: compareGroups(groups) },
    note: mixesRecordVersions(runs) ? OLDER_ENGINE_NOTE : null,
  };
}

/** `compare` on a terminal: a line per run, the metrics side by side, then the repeats compared as groups. */
export function renderComparison(runs: readonly RunDetail[], groups: readonly RepeatGroup[] | null): string {
  const legend = runs
    .map((r) => `#${r.id}: ${r.name}  [${strategyText(r.strategy)}, ${r.status}${r.experimentId === null ? '' : `, experiment ${r.experimentId}`}]`)
    .join('\n');
  const table = renderMetricsTable(
    runs.map((r) => ({ title: `#${r.id}`, metrics: r.metrics, complete: r.status === 'completed' })),
    { compare: true },
  );
  const repeats = groups === null ? '' : `\n${renderRepeatComparison(groups.map((g) => g.title), compareGroups(groups))}`;
  const note = mixesRecordVersions(runs) ? `\nNote: ${OLDER_ENGINE_NOTE}\n` : '';
  return `${legend}\n\n${table}${repeats}${note}`;
}
