import type { Command } from 'commander';
import type { RunSummary } from '../../../shared/run/run-schema';
import { strategyText } from '../../../shared/scenario';
import type { ExperimentSummary } from '../../backend/history';
import type { CliIo } from '../cli-io';
import { addDbOption, wholeNumberOption, withHistory } from '../options';
import { formatCount, formatMs, renderTable } from '../format/plain-text';

interface ListFlags {
  json?: boolean;
  experiments?: boolean;
  limit: number;
  db?: string;
}

const DEFAULT_LIMIT = 20;

function renderRunList(runs: readonly RunSummary[]): string {
  if (runs.length === 0) return 'No runs recorded yet.\n';
  const rows = runs.map((r) => [
    String(r.id),
    r.name,
    strategyText(r.strategy),
    r.runtimeName,
    r.status,
    formatCount(r.tasks),
    formatCount(r.failures),
    r.wallMs === null ? '-' : formatMs(r.wallMs),
    r.createdAt,
    r.experimentId === null ? '' : String(r.experimentId),
    r.tags.join(','),
  ]);
  return renderTable(
    ['id', 'name', 'strategy', 'runtime', 'status', 'tasks', 'failures', 'wall', 'created', 'experiment', 'tags'],
    rows,
    ['right', 'left', 'left', 'left', 'left', 'right', 'right', 'right', 'left', 'right'],
  );
}

function renderExperimentList(experiments: readonly ExperimentSummary[]): string {
  if (experiments.length === 0) return 'No experiments recorded yet.\n';
  const rows = experiments.map((e) => [String(e.id), e.kind, e.name, formatCount(e.runCount), e.createdAt]);
  return `${renderTable(['id', 'kind', 'name', 'runs', 'created'], rows, ['right', 'left', 'left', 'right'])}Open one with: show --experiment <id>\n`;
}

/** `list`: the recorded runs, newest first; with `--experiments`, the experiments. */
export function registerList(program: Command, io: CliIo): void {
  const command = program
    .command('list')
    .description('list the recorded runs (or with --experiments the experiments), newest first')
    .option('--experiments', 'list the experiments (repeat, matrix, sweep) instead of the runs')
    .option('--json', 'print { runs: [...] } (or { experiments: [...] }) as JSON')
    .option('--limit <n>', `how many at most (default ${DEFAULT_LIMIT})`, wholeNumberOption(1), DEFAULT_LIMIT);
  addDbOption(command).action(async (flags: ListFlags) => {
    if (flags.experiments === true) {
      const experiments = await withHistory(flags.db, io, (store) => store.listExperiments().slice(0, flags.limit));
      io.out(flags.json === true ? `${JSON.stringify({ experiments }, null, 2)}\n` : renderExperimentList(experiments));
      return;
    }
    const runs = await withHistory(flags.db, io, (store) => store.listRuns({ limit: flags.limit }));
    io.out(flags.json === true ? `${JSON.stringify({ runs }, null, 2)}\n` : renderRunList(runs));
  });
}
