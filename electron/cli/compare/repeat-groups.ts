import type { RunMetrics } from '../../../shared/metrics/metrics-schema';
import type { RunDetail } from '../../../shared/run/run-schema';
import { loadExperiment, type ExperimentReader } from '../../backend/experiments';

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
