import { RECORD_VERSION } from '../../../shared/run/record-version';
import type { HistoryStore } from '../../../electron/backend/history';
import { computeMetrics } from '../../../shared/metrics/compute-metrics';
import type { RunExport } from '../../../shared/run/run-schema';
import { type Scenario, ScenarioSchema, type Strategy, type TaskKind } from '../../../shared/scenario';
import { PRESETS } from '../../../shared/presets';
import { syntheticRun } from '../../unit/timeline/fixtures/synthetic-run';

/** The strategies synthetic runs cycle through, and how many lanes each gives a run of `tasks` tasks. */
const STRATEGIES: readonly { strategy: Strategy; lanes: (tasks: number) => number }[] = [
  { strategy: { type: 'pool', concurrency: 8 }, lanes: (n) => Math.min(8, n) },
  { strategy: { type: 'all' }, lanes: (n) => n },
  { strategy: { type: 'sequential' }, lanes: () => 1 },
  { strategy: { type: 'pool', concurrency: 4 }, lanes: (n) => Math.min(4, n) },
  { strategy: { type: 'allSettled' }, lanes: (n) => n },
  { strategy: { type: 'workers', threads: 2 }, lanes: (n) => Math.min(2, n) },
  { strategy: { type: 'batch', size: 10 }, lanes: (n) => Math.min(10, n) },
  { strategy: { type: 'callbacks' }, lanes: (n) => n },
];
const TAGS: readonly string[][] = [[], ['baseline'], [], ['nightly'], ['before-fix'], [], ['after-fix', 'nightly'], []];
const STATUSES: readonly RunExport['run']['status'][] = ['completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'cancelled', 'completed', 'completed', 'failed'];
/** The kinds `syntheticRun` gives its groups, in order. */
const GROUP_KINDS: readonly TaskKind[] = ['http', 'file-read', 'sqlite', 'cpu', 'timer'];
const GROUP_FIELDS: Record<string, Record<string, unknown>> = {
  http: { latencyMs: 2 },
  'file-read': { bytes: 4096 },
  sqlite: {},
  cpu: { ms: 3 },
  timer: { ms: 1 },
};

/** The scenario `syntheticRun`'s tasks belong to: its five groups with the counts the tasks have. */
function scenarioFor(name: string, strategy: Strategy, tasks: readonly { group: number }[]): Scenario {
  const counts = GROUP_KINDS.map((_, group) => tasks.filter((t) => t.group === group).length);
  return ScenarioSchema.parse({
    version: 1,
    name,
    strategy,
    tasks: GROUP_KINDS.flatMap((kind, group) => (counts[group]! > 0 ? [{ kind, count: counts[group], ...GROUP_FIELDS[kind] }] : [])),
  });
}

/**
 * A finished run as its JSON export holds it, shaped like the engine records one (lanes per strategy, a few
 * failures, samples every 20 ms); `index` varies its name, strategy, status, tags and seed.
 */
export function syntheticRunExport(index: number, options: { tasks: number; createdAt: string }): RunExport {
  const { strategy, lanes } = STRATEGIES[index % STRATEGIES.length]!;
  const preset = PRESETS[index % PRESETS.length]!;
  const { tasks, samples } = syntheticRun({ tasks: options.tasks, lanes: lanes(options.tasks), seed: index + 1, failureRate: index % 5 === 0 ? 0.04 : 0.01 });
  const status = STATUSES[index % STATUSES.length]!;
  // A loop, not Math.max(...): a million arguments overflow the stack.
  const wallMs = tasks.reduce((latest, t) => Math.max(latest, t.endMs), 0);
  const scenario = scenarioFor(preset.scenario.name, strategy, tasks);
  return {
    format: 'concurrency-explorer/run',
    version: 2,
    run: {
      name: index % 7 === 3 ? `${preset.scenario.name} (after the fix)` : preset.scenario.name,
      scenarioName: preset.scenario.name,
      strategy,
      runtimeName: 'node',
      status,
      createdAt: options.createdAt,
      finishedAt: new Date(Date.parse(options.createdAt) + Math.ceil(wallMs)).toISOString(),
      wallMs: status === 'failed' ? null : wallMs,
      failures: tasks.filter((t) => t.status === 'error' || t.status === 'timeout' || t.status === 'cancelled').length,
      recordVersion: RECORD_VERSION,
      tags: TAGS[index % TAGS.length]!,
      notes: index % 9 === 0 ? 'Kept for the write-up.' : '',
      error: status === 'failed' ? 'The engine process exited with code 1' : null,
      scenarioDir: null,
      scenario,
      metrics: status === 'failed' ? null : computeMetrics({ tasks, samples, wallMs, cpu: { userMs: wallMs * 0.4, systemMs: wallMs * 0.05 } }),
      tasks,
      samples,
    },
  };
}

/**
 * Stores `count` synthetic runs a minute apart, the newest at `newest`, made from indexes `first`, `first + 1`,
 * ... (each index its own name, strategy, status and tags); returns their ids, oldest first.
 */
export function seedSyntheticRuns(store: HistoryStore, count: number, options: { tasks?: number; newest?: Date; first?: number } = {}): number[] {
  const newest = (options.newest ?? new Date()).getTime();
  const first = options.first ?? 0;
  return Array.from({ length: count }, (_, i) =>
    store.importRun(
      syntheticRunExport(first + i, { tasks: options.tasks ?? 2, createdAt: new Date(newest - (count - 1 - i) * 60_000).toISOString() }),
    ),
  );
}
