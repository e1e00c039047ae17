import type { Command } from 'commander';
import type { RunDetail } from '../../../shared/run/run-schema';
import { strategyText } from '../../../shared/scenario/strategy-text';
import type { CliIo } from '../cli-io';
import { addDbOption, withHistory } from '../options/history-option';
import { parseRunId, requireRun } from '../options/run-id';
import { renderMetricsTable } from '../format/metric-rows';
import { renderTable } from '../format/table';
import { formatCount } from '../format/units';

interface ShowFlags {
  json?: boolean;
  db?: string;
}

const STATUSES = ['ok', 'error', 'timeout', 'cancelled', 'orphaned'] as const;

function renderGroups(run: RunDetail): string {
  const counts = run.scenario.tasks.map(() => new Map<string, number>());
  for (const task of run.tasks) {
    const byStatus = counts[task.group];
    byStatus?.set(task.status, (byStatus.get(task.status) ?? 0) + 1);
  }
  const rows = run.scenario.tasks.map((group, index) => {
    const byStatus = counts[index] ?? new Map<string, number>();
    const total = [...byStatus.values()].reduce((sum, n) => sum + n, 0);
    return [String(index), group.label ?? group.kind, formatCount(total), ...STATUSES.map((s) => formatCount(byStatus.get(s) ?? 0))];
  });
  return renderTable(['group', 'label', 'tasks', ...STATUSES], rows, ['right', 'left', ...Array<'right'>(1 + STATUSES.length).fill('right')]);
}

function renderRun(run: RunDetail): string {
  const lines = [
    `run ${run.id}: ${run.name}`,
    `scenario: ${run.scenarioName}   strategy: ${strategyText(run.strategy)}   status: ${run.status}`,
    `created: ${run.createdAt}   finished: ${run.finishedAt ?? '-'}${run.tags.length > 0 ? `   tags: ${run.tags.join(', ')}` : ''}`,
  ];
  if (run.error !== null) lines.push(`error: ${run.error}`);
  if (run.notes !== '') lines.push(`notes: ${run.notes}`);
  return `${lines.join('\n')}\n\n${renderMetricsTable([{ title: `#${run.id}`, metrics: run.metrics }], { ratios: false })}\n${renderGroups(run)}`;
}

/** `show <id>`: one recorded run; with `--json`, everything recorded, tasks and samples included. */
export function registerShow(program: Command, io: CliIo): void {
  const command = program
    .command('show')
    .description('show one recorded run')
    .argument('<id>', 'run id', parseRunId)
    .option('--json', 'print the run with its tasks and samples as JSON');
  addDbOption(command).action(async (id: number, flags: ShowFlags) => {
    const run = await withHistory(flags.db, io, (store) => requireRun(store, id));
    io.out(flags.json === true ? `${JSON.stringify(run, null, 2)}\n` : renderRun(run));
  });
}
