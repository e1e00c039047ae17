import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import type { RunDetail } from '../../../shared/run/run-schema';
import { MAX_THREADPOOL_SIZE, strategyText, type Strategy } from '../../../shared/scenario';
import { predictedSummary, predictRun, type PredictedSummary } from '../../../shared/whatif';
import type { CliIo } from '../cli-io';
import { UsageError } from '../cli-error';
import { addDbOption, parseRunId, requireRun, strategyOption, wholeNumberOption, withHistory } from '../options';
import { formatDecimal, formatMs, formatPerSecond, renderTable } from '../format/plain-text';

interface WhatIfFlags {
  strategy: Strategy;
  threadpoolSize?: number;
  json?: boolean;
  db?: string;
}

const ROWS: readonly { label: string; value: (m: PredictedSummary) => string }[] = [
  { label: 'wall time', value: (m) => formatMs(m.wallMs) },
  { label: 'throughput', value: (m) => formatPerSecond(m.throughputPerSec) },
  { label: 'latency p50', value: (m) => formatMs(m.latencyMs.p50) },
  { label: 'latency p99', value: (m) => formatMs(m.latencyMs.p99) },
  { label: 'wait p50', value: (m) => formatMs(m.waitMs.p50) },
  { label: 'wait p99', value: (m) => formatMs(m.waitMs.p99) },
  { label: 'max in flight', value: (m) => formatDecimal(m.maxInFlight) },
];

/** The run's own numbers beside the prediction's. */
function renderPrediction(run: RunDetail, strategy: Strategy, predicted: PredictedSummary, recorded: PredictedSummary): string {
  const header = `what if run ${run.id} (${run.name}, ${strategyText(run.strategy)}) ran as ${strategyText(strategy)}: predicted from its measured work\n\n`;
  const rows = ROWS.map((row) => [row.label, row.value(recorded), row.value(predicted)]);
  return header + renderTable(['metric', `recorded ${strategyText(run.strategy)}`, `predicted ${strategyText(strategy)}`], rows, ['left', 'right', 'right']);
}

/** `whatif <id> --strategy pool:8`: predicts a recorded run under another strategy, from its measured work. */
export function registerWhatIf(program: Command, io: CliIo): void {
  const command = program
    .command('whatif')
    .description('predict what a recorded run would do under another strategy, from its measured work')
    .argument('<id>', 'run id')
    .requiredOption('--strategy <strategy>', 'the strategy to predict: sequential, all, pool:8, batch:10, workers:2, ...', strategyOption)
    .option('--threadpool-size <n>', `the libuv pool size to predict with (default: the run's own)`, wholeNumberOption(1, MAX_THREADPOOL_SIZE))
    .option('--json', 'print { run, strategy, predicted: { wallMs, throughputPerSec, latencyMs, waitMs, maxInFlight } }');
  addDbOption(command).action(async (idText: string, flags: WhatIfFlags) => {
    const id = parseRunId(idText);
    const run = await withHistory(flags.db, io, (store) => requireRun(store, id));
    if (run.metrics === null) throw UsageError.of(`Run ${id} has no results to replay (its status is ${run.status}).`);
    const prediction = predictRun({
      scenario: run.scenario,
      tasks: run.tasks,
      strategy: flags.strategy,
      cores: availableParallelism(),
      ...(flags.threadpoolSize === undefined ? {} : { threadpoolSize: flags.threadpoolSize }),
    });
    const predicted = predictedSummary(prediction.metrics);
    if (flags.json === true) {
      io.out(`${JSON.stringify({ run: id, strategy: strategyText(flags.strategy), predicted }, null, 2)}\n`);
      return;
    }
    io.out(renderPrediction(run, flags.strategy, predicted, predictedSummary(run.metrics)));
  });
}
