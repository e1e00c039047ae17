import type { Command } from 'commander';
import type { RunDetail } from '../../../shared/run/run-schema';
import { strategyText } from '../../../shared/scenario/strategy-text';
import type { CliIo } from '../cli-io';
import { UsageError } from '../cli-error';
import { addDbOption, withHistory } from '../options/history-option';
import { parseRunId, requireRun } from '../options/run-id';
import { metricRatios, renderMetricsTable } from '../format/metric-rows';

interface CompareFlags {
  json?: boolean;
  db?: string;
}

function compareJson(runs: readonly RunDetail[]) {
  const baseline = runs[0]?.metrics ?? null;
  return {
    baseline: runs[0]?.id ?? null,
    runs: runs.map((run) => ({
      id: run.id,
      name: run.name,
      scenario: run.scenarioName,
      strategy: strategyText(run.strategy),
      status: run.status,
      metrics: run.metrics,
      ratios: metricRatios(baseline, run.metrics),
    })),
  };
}

function renderComparison(runs: readonly RunDetail[]): string {
  const legend = runs.map((r) => `#${r.id}: ${r.name} (${strategyText(r.strategy)}) ${r.status}`).join('\n');
  const columns = runs.map((r) => ({ title: `#${r.id}`, metrics: r.metrics }));
  return `${legend}\n\n${renderMetricsTable(columns, { ratios: true })}`;
}

/** `compare <id> <id>...`: metrics side by side, each with its ratio to the first run's. */
export function registerCompare(program: Command, io: CliIo): void {
  const command = program
    .command('compare')
    .description('compare recorded runs: metrics side by side, with each ratio to the first run')
    .argument('<ids...>', 'two or more run ids; the first is the baseline')
    .option('--json', 'print { baseline, runs: [{ ..., metrics, ratios }] } as JSON');
  addDbOption(command).action(async (idTexts: string[], flags: CompareFlags) => {
    const ids = idTexts.map(parseRunId);
    if (ids.length < 2) throw UsageError.of('compare needs at least two run ids');
    const runs = await withHistory(flags.db, io, (store) => ids.map((id) => requireRun(store, id)));
    io.out(flags.json === true ? `${JSON.stringify(compareJson(runs), null, 2)}\n` : renderComparison(runs));
  });
}
