import { InvalidArgumentError, type Command } from 'commander';
import { parseStrategyText } from '../../../shared/scenario/strategy-text';
import type { Strategy } from '../../../shared/scenario/strategy';
import type { HistoryStore } from '../../backend/history';
import { forkLauncher } from '../../backend/runs/fork-launcher';
import { RunService } from '../../backend/runs/run-service';
import type { CliIo } from '../cli-io';
import { CliError, EXIT_CODES } from '../cli-error';
import { addDbOption, withHistory } from '../options/history-option';
import { chooseScenario } from '../run/scenario-source';
import { planRuns } from '../run/run-plan';
import { executeRuns } from '../run/execute-runs';
import { renderRunsText, runsJson, type FinishedRun } from '../run/run-report';

interface RunFlags {
  strategy?: Strategy;
  preset?: string;
  json?: boolean;
  db?: string;
  save: boolean;
  tag: string[];
}

function strategyOption(text: string): Strategy {
  try {
    return parseStrategyText(text);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function report(runs: readonly FinishedRun[], interrupted: boolean, flags: RunFlags, io: CliIo): void {
  io.out(flags.json === true ? `${JSON.stringify(runsJson(runs), null, 2)}\n` : renderRunsText(runs));
  const failed = runs.find((r) => r.outcome.status === 'failed');
  if (failed !== undefined) {
    const which = failed.outcome.runId === null ? 'The run' : `Run ${failed.outcome.runId}`;
    throw new CliError(`${which} failed: ${failed.outcome.error ?? 'no reason given'}`, EXIT_CODES.failure);
  }
  if (interrupted) throw new CliError('Cancelled (Ctrl+C).', EXIT_CODES.failure);
}

/** `run <scenario.json> | --preset <id>`: runs a scenario in an engine process and prints its metrics. */
export function registerRun(program: Command, io: CliIo): void {
  const command = program
    .command('run')
    .description('run a scenario (a JSON file, or a built-in one with --preset) and print its metrics')
    .argument('[scenario]', 'scenario JSON file')
    .option('--preset <id>', 'run a built-in scenario (see the presets command)')
    .option('--strategy <strategy>', 'replace the scenario\'s strategy: sequential|all|allSettled|race|any|callbacks|pool:N|batch:N|workers:N', strategyOption)
    .option('--json', 'print one JSON object { runs: [...] } on stdout and nothing else')
    .option('--no-save', 'do not record the run in the history')
    .option('--tag <tag>', 'tag the recorded run (repeatable)', collect, []);
  addDbOption(command).action(async (file: string | undefined, flags: RunFlags) => {
    const scenario = await chooseScenario(file, flags.preset);
    const plan = planRuns(scenario, { strategy: flags.strategy });
    const execute = (store: HistoryStore | null) =>
      executeRuns(new RunService({ store, launcher: forkLauncher() }), plan, { tags: flags.tag, save: flags.save }, io);
    const { runs, interrupted } = flags.save ? await withHistory(flags.db, io, execute) : await execute(null);
    report(runs, interrupted, flags, io);
  });
}
