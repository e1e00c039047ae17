import type { Command } from 'commander';
import { findFindings, findingColumnsOf, type Finding } from '../../../shared/findings';
import type { RunDetail } from '../../../shared/run/run-schema';
import { emptyRuntimeTrace, type RuntimeTrace } from '../../../shared/runtime/runtime-slices';
import { strategyText } from '../../../shared/scenario';
import type { CliIo } from '../cli-io';
import { addDbOption, parseExperimentId, parseRunId, requireExperiment, requireRun, withHistory } from '../options';
import { renderFindings, renderMetricsTable } from '../format/metrics-text';
import { renderExperiment } from '../format/experiment-text';
import { formatCount, renderTable } from '../format/plain-text';

interface ShowFlags {
  json?: boolean;
  experiment?: boolean;
  db?: string;
}

/** Per group: each outcome, then `orphaned` (a fact beside the outcome, so not part of the tasks' sum). */
const STATUSES = ['ok', 'error', 'timeout', 'cancelled', 'skipped'] as const;
const COLUMNS = [...STATUSES, 'orphaned'] as const;

function renderGroups(run: RunDetail): string {
  const counts = run.scenario.tasks.map(() => new Map<string, number>());
  for (const task of run.tasks) {
    const byStatus = counts[task.group];
    byStatus?.set(task.status, (byStatus.get(task.status) ?? 0) + 1);
    if (task.orphaned) byStatus?.set('orphaned', (byStatus.get('orphaned') ?? 0) + 1);
  }
  const rows = run.scenario.tasks.map((group, index) => {
    const byStatus = counts[index] ?? new Map<string, number>();
    const total = STATUSES.reduce((sum, status) => sum + (byStatus.get(status) ?? 0), 0);
    return [String(index), group.label ?? group.kind, formatCount(total), ...COLUMNS.map((s) => formatCount(byStatus.get(s) ?? 0))];
  });
  return renderTable(['group', 'label', 'tasks', ...COLUMNS], rows, ['right', 'left', ...Array<'right'>(1 + COLUMNS.length).fill('right')]);
}

function runtimeLine({ loop, threadpool, workers, mergedSlices }: RuntimeTrace): string {
  const merged = mergedSlices > 0 ? `; ${formatCount(mergedSlices)} short slices merged past the slice limit` : '';
  return `runtime trace: ${formatCount(loop.length)} loop slices, ${formatCount(threadpool.length)} pool requests, ${formatCount(workers.length)} worker slices${merged}`;
}

/** What a stored run shows; none for a run without metrics (failed, interrupted). */
function findingsOf(run: RunDetail, runtime: RuntimeTrace): Finding[] {
  if (run.metrics === null) return [];
  return findFindings({ scenario: run.scenario, tasks: findingColumnsOf(run.tasks), samples: run.samples, metrics: run.metrics, runtime });
}

function renderRun(run: RunDetail, runtime: RuntimeTrace): string {
  const lines = [
    `run ${run.id}: ${run.name}`,
    `scenario: ${run.scenarioName}   strategy: ${strategyText(run.strategy)}   runtime: ${run.runtimeName}   status: ${run.status}`,
    ...(run.scenarioDir === null ? [] : [`folder: ${run.scenarioDir} (where its relative paths start)`]),
    `created: ${run.createdAt}   finished: ${run.finishedAt ?? '-'}${run.tags.length > 0 ? `   tags: ${run.tags.join(', ')}` : ''}`,
  ];
  if (run.experimentId !== null) lines.push(`experiment: ${run.experimentId} (show --experiment ${run.experimentId})`);
  if (run.error !== null) lines.push(`error: ${run.error}`);
  if (run.notes !== '') lines.push(`notes: ${run.notes}`);
  if (run.scenario.options.trace === 'runtime') lines.push(runtimeLine(runtime));
  const metrics = renderMetricsTable([{ title: `#${run.id}`, metrics: run.metrics }], { compare: false });
  return `${lines.join('\n')}\n\n${metrics}\n${renderFindings(findingsOf(run, runtime))}\n${renderGroups(run)}`;
}

/** The run as `show --json` prints it: its fields, then its findings and runtime tracks (empty arrays in `tasks` mode). */
function runJson(run: RunDetail, runtime: RuntimeTrace) {
  const { loop, threadpool, workers, mergedSlices } = runtime;
  return { ...run, findings: findingsOf(run, runtime), loop, threadpool, workers, mergedSlices };
}

const asJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** `show <id>`: one recorded run, or with `--experiment` one experiment as a whole (its runs and statistics). */
export function registerShow(program: Command, io: CliIo): void {
  const command = program
    .command('show')
    .description('show one recorded run, or with --experiment one experiment: its runs and statistics')
    .argument('<id>', 'run id (experiment id with --experiment)')
    .option('--experiment', 'the id is an experiment\'s (repeat, matrix or sweep): show its runs in order and its statistics')
    .option('--json', 'print the run with its tasks, samples, findings and runtime tracks (loop, threadpool, workers) as JSON; with --experiment, { id, kind, name, params, runs, stats | sweep }');
  addDbOption(command).action(async (idText: string, flags: ShowFlags) => {
    if (flags.experiment === true) {
      const id = parseExperimentId(idText);
      const experiment = await withHistory(flags.db, io, (store) => requireExperiment(store, id));
      io.out(flags.json === true ? asJson(experiment) : renderExperiment(experiment));
      return;
    }
    const id = parseRunId(idText);
    const { run, runtime } = await withHistory(flags.db, io, (store) => ({ run: requireRun(store, id), runtime: store.getRuntimeTrace(id) ?? emptyRuntimeTrace() }));
    io.out(flags.json === true ? asJson(runJson(run, runtime)) : renderRun(run, runtime));
  });
}
