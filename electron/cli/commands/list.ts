import type { Command } from 'commander';
import type { RunSummary } from '../../../shared/run/run-schema';
import { strategyText } from '../../../shared/scenario/strategy-text';
import type { CliIo } from '../cli-io';
import { addDbOption, withHistory } from '../options/history-option';
import { wholeNumberOption } from '../options/numbers';
import { renderTable } from '../format/table';
import { formatCount, formatMs } from '../format/units';

interface ListFlags {
  json?: boolean;
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
    r.status,
    formatCount(r.tasks),
    formatCount(r.failures),
    r.wallMs === null ? '-' : formatMs(r.wallMs),
    r.createdAt,
    r.tags.join(','),
  ]);
  return renderTable(
    ['id', 'name', 'strategy', 'status', 'tasks', 'failures', 'wall', 'created', 'tags'],
    rows,
    ['right', 'left', 'left', 'left', 'right', 'right', 'right'],
  );
}

/** `list`: the recorded runs, newest first. */
export function registerList(program: Command, io: CliIo): void {
  const command = program
    .command('list')
    .description('list the recorded runs, newest first')
    .option('--json', 'print { runs: [...] } as JSON')
    .option('--limit <n>', `how many runs at most (default ${DEFAULT_LIMIT})`, wholeNumberOption(1), DEFAULT_LIMIT);
  addDbOption(command).action(async (flags: ListFlags) => {
    const runs = await withHistory(flags.db, io, (store) => store.listRuns({ limit: flags.limit }));
    io.out(flags.json === true ? `${JSON.stringify({ runs }, null, 2)}\n` : renderRunList(runs));
  });
}
