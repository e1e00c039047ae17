import type { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { UsageError } from '../cli-error';
import { addDbOption, parseRunId, requireRun, withHistory } from '../options';
import { compareJson, renderComparison, repeatGroups } from '../compare/compare-report';

interface CompareFlags {
  json?: boolean;
  db?: string;
}

/**
 * `compare <id> <id>...`: metrics side by side, each with its ratio to the first run's; runs of repeat
 * experiments are also compared as whole repeats (mean ± 95% CI, Welch's t-test).
 */
export function registerCompare(program: Command, io: CliIo): void {
  const command = program
    .command('compare')
    .description('compare recorded runs: metrics side by side with ratios to the first; runs of repeat experiments also as whole repeats (mean ± 95% CI, Welch\'s t-test)')
    .argument('<ids...>', 'two or more run ids; the first is the baseline')
    .option('--json', 'print { baseline, runs: [{ ..., metrics, comparison }], repeats } as JSON');
  addDbOption(command).action(async (idTexts: string[], flags: CompareFlags) => {
    const ids = idTexts.map(parseRunId);
    if (ids.length < 2) throw UsageError.of('compare needs at least two run ids');
    const text = await withHistory(flags.db, io, (store) => {
      const runs = ids.map((id) => requireRun(store, id));
      const groups = repeatGroups(store, runs);
      return flags.json === true ? `${JSON.stringify(compareJson(runs, groups), null, 2)}\n` : renderComparison(runs, groups);
    });
    io.out(text);
  });
}
