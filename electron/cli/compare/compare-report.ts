import type { RunMetrics } from '../../../shared/metrics/metrics-schema';
import { mixesRecordVersions, OLDER_ENGINE_NOTE } from '../../../shared/run/record-version';
import type { RunDetail } from '../../../shared/run/run-schema';
import { strategyOnRuntime, strategyText } from '../../../shared/scenario';
import { compareRepeats, type RepeatedMetricComparison } from '../../../shared/stats/compare-repeats';
import { type ExperimentReader, loadExperiment } from '../../backend/experiments';
import { renderRepeatComparison } from '../format/experiment-text';
import { compareWithFirst, type RatiosToBaseline, renderMetricsTable } from '../format/metrics-text';

/** What one compared run stands for in a comparison of repeats. */
export interface RepeatGroup {
  /** `experiment 3` for a repeat, `run 12` for a single run. */
  title: string;
  /** The repeat experiment the run belongs to; null for a run that is not part of one (a group of one). */
  experimentId: number | null;
  /** The completed runs of the group, the ones its statistics count. */
  runIds: number[];
  metrics: RunMetrics[];
}

interface GroupMember {
  id: number;
  status: string;
  metrics: RunMetrics | null;
}

function groupOf(title: string, experimentId: number | null, members: readonly GroupMember[]): RepeatGroup {
  const completed = members.flatMap((m) => (m.status === 'completed' && m.metrics !== null ? [{ id: m.id, metrics: m.metrics }] : []));
  return { title, experimentId, runIds: completed.map((m) => m.id), metrics: completed.map((m) => m.metrics) };
}

/**
 * Groups compared runs for a comparison of repeats: a run of a repeat experiment stands for every completed
 * run of that experiment (two runs of the same one make one group), any other run for itself. Groups keep
 * the order of the runs; those without a completed run are left out. Null when no compared run belongs to
 * a repeat experiment, or when fewer than two groups are left: there is then nothing to compare as repeats.
 */
export function repeatGroups(store: ExperimentReader, runs: readonly RunDetail[]): RepeatGroup[] | null {
  const groups = new Map<string, RepeatGroup>();
  let anyRepeat = false;
  for (const run of runs) {
    const experiment = run.experimentId === null ? null : store.getExperiment(run.experimentId);
    if (experiment?.kind === 'repeat') {
      anyRepeat = true;
      const title = `experiment ${experiment.id}`;
      if (!groups.has(title)) groups.set(title, groupOf(title, experiment.id, loadExperiment(store, experiment.id).runs));
    } else {
      groups.set(`run ${run.id}`, groupOf(`run ${run.id}`, null, [run]));
    }
  }
  const compared = [...groups.values()].filter((g) => g.metrics.length > 0);
  return anyRepeat && compared.length >= 2 ? compared : null;
}

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
      runtime: run.runtimeName,
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
    .map((r) => `#${r.id}: ${r.name}  [${strategyOnRuntime(r.strategy, r.runtimeName)}, ${r.status}${r.experimentId === null ? '' : `, experiment ${r.experimentId}`}]`)
    .join('\n');
  const table = renderMetricsTable(
    runs.map((r) => ({ title: `#${r.id}`, metrics: r.metrics, complete: r.status === 'completed' })),
    { compare: true },
  );
  const repeats = groups === null ? '' : `\n${renderRepeatComparison(groups.map((g) => g.title), compareGroups(groups))}`;
  const note = mixesRecordVersions(runs) ? `\nNote: ${OLDER_ENGINE_NOTE}\n` : '';
  return `${legend}\n\n${table}${repeats}${note}`;
}
