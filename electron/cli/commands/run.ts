import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Scenario, Strategy } from '../../../shared/scenario';
import { MAX_REPEAT_RUNS, MAX_WARMUP_RUNS, type ExperimentSpec } from '../../../shared/experiments/experiment-spec';
import { RunService } from '../../backend/runs/run-service';
import type { HistoryStore } from '../../backend/history';
import type { CliIo } from '../cli-io';
import { CliError, EXIT_CODES } from '../cli-error';
import { addDbOption, matrixOption, strategyOption, sweepOption, wholeNumberOption, withHistory, type MatrixEntry, type SweepLevelsOption } from '../options';
import { chooseScenario } from '../run/scenario-source';
import { confirmExec } from '../run/exec-consent';
import { planRuns } from '../run/run-plan';
import { executeRun } from '../run/execute-run';
import { cliEngineLauncher } from '../run/early-engine';
import { renderRunText, runsJson, type FinishedRun } from '../run/run-report';

interface RunFlags {
  strategy?: Strategy;
  preset?: string;
  repeat?: number;
  warmup?: number;
  matrix?: MatrixEntry[];
  sweep?: SweepLevelsOption;
  json?: boolean;
  db?: string;
  save: boolean;
  tag: string[];
  trace?: Scenario['options']['trace'];
  allowExec?: boolean;
}

const EXPERIMENT_HELP = `
Experiments (each stored as one group of runs; reopen one with: show --experiment <id>):
  run s.json --repeat 5 --warmup 1          mean, sd and 95% CI of wall time and throughput
  run s.json --matrix sequential,all,pool:4 one run per strategy, compared with the first
  run s.json --matrix pool:5,pool:20,all    the same type with different sizes
  run s.json --matrix pool,pool:20          a bare pool runs at the scenario's own size
  run s.json --sweep pool:1..64             pool:1, 2, 4, ... 64: throughput and p99, and the knee
  run s.json --sweep pool:5,10,20,40        those pool sizes (never past the task count)
Only one of --repeat, --matrix and --sweep at a time; --matrix and --sweep set the strategy themselves
(no --strategy), and experiments are always recorded (no --no-save). Runs never overlap.`;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Exit 1 after the report when a run failed or Ctrl+C stopped the work. */
function failIfIncomplete(runs: readonly FinishedRun[], interrupted: boolean): void {
  const failed = runs.find((r) => r.outcome.status === 'failed');
  if (failed !== undefined) {
    const which = failed.outcome.runId === null ? 'The run' : `Run ${failed.outcome.runId}`;
    throw new CliError(`${which} failed: ${failed.outcome.error ?? 'no reason given'}`, EXIT_CODES.failure);
  }
  if (interrupted) throw new CliError('Cancelled (Ctrl+C).', EXIT_CODES.failure);
}

async function runOnce(scenario: Scenario, flags: RunFlags, io: CliIo, scenarioDir: string | undefined): Promise<void> {
  const launcher = await cliEngineLauncher();
  const execute = (store: HistoryStore | null) =>
    executeRun(new RunService({ store, launcher }), scenario, { tags: flags.tag, save: flags.save, scenarioDir }, io);
  const { run, interrupted } = flags.save ? await withHistory(flags.db, io, execute) : await execute(null);
  io.out(flags.json === true ? `${JSON.stringify({ runs: runsJson([run]) }, null, 2)}\n` : renderRunText(run));
  failIfIncomplete([run], interrupted);
}

/** Runs an experiment; on a terminal, prints it as `show --experiment` would, read back from the history. */
async function runExperimentCommand(spec: ExperimentSpec, flags: RunFlags, io: CliIo, scenarioDir: string | undefined): Promise<void> {
  // Loaded only for an experiment: its statistics libraries would otherwise be most of what a single run loads.
  const [{ loadExperiment }, { executeExperiment }, { experimentJson }, { renderExperiment }] = await Promise.all([
    import('../../backend/experiments'),
    import('../run/execute-experiment'),
    import('../run/experiment-report'),
    import('../format/experiment-text'),
  ]);
  const { experiment, text } = await withHistory(flags.db, io, async (store) => {
    const service = new RunService({ store, launcher: await cliEngineLauncher() });
    const finished = await executeExperiment(service, store, spec, { tags: flags.tag, scenarioDir }, io);
    const report =
      flags.json === true
        ? `${JSON.stringify(experimentJson(finished), null, 2)}\n`
        : renderExperiment(loadExperiment(store, finished.result.experimentId));
    return { experiment: finished, text: report };
  });
  io.out(text);
  failIfIncomplete(experiment.runs, experiment.interrupted);
}

/** `run <scenario.json> | --preset <id>`: runs a scenario, or an experiment of runs, and prints the metrics. */
export function registerRun(program: Command, io: CliIo): void {
  const command = program
    .command('run')
    .description('run a scenario (a JSON file, or a built-in one with --preset), once or as an experiment, and print its metrics')
    .argument('[scenario]', 'scenario JSON file')
    .option('--preset <id>', 'run a built-in scenario (see the presets command)')
    .option('--strategy <strategy>', 'replace the scenario\'s strategy: sequential|all|allSettled|race|any|callbacks|structured|pool:N[:stop-slot|reject|continue]|batch:N|workers:N', strategyOption)
    .option('--repeat <k>', `experiment: run it k times (1 to ${MAX_REPEAT_RUNS}) and print mean, sd and 95% CI`, wholeNumberOption(1, MAX_REPEAT_RUNS))
    .option('--warmup <w>', `with --repeat: first run it w times (0 to ${MAX_WARMUP_RUNS}) without counting or storing`, wholeNumberOption(0, MAX_WARMUP_RUNS))
    .option('--matrix <strategies>', 'experiment: one run per strategy, in order (sequential,all,pool:4,workers:2), compared with the first', matrixOption)
    .option('--sweep <pool:1..N|pool:5,10,20>', 'experiment: pool:1, 2, 4, ... up to N, or the listed pool sizes; throughput and p99 against concurrency, and the knee', sweepOption)
    .option('--json', 'print one JSON object { runs: [...] } on stdout and nothing else (experiments add experimentId, and stats or sweep)')
    .option('--no-save', 'do not record the run in the history (not with --repeat, --matrix or --sweep)')
    .option('--tag <tag>', 'tag the recorded runs (repeatable)', collect, [])
    .option('--allow-exec', 'run a scenario file that executes programs without asking (needed off a terminal)')
    .addOption(new Option('--trace <mode>', "replace the scenario's trace option: runtime also records the event loop, the thread pool and worker threads (slower)").choices(['tasks', 'runtime']))
    .addHelpText('after', EXPERIMENT_HELP);
  addDbOption(command).action(async (file: string | undefined, flags: RunFlags) => {
    const chosen = await chooseScenario(file, flags.preset);
    if (file !== undefined) await confirmExec(chosen, file, flags.allowExec === true, io);
    const scenario = flags.trace === undefined ? chosen : { ...chosen, options: { ...chosen.options, trace: flags.trace } };
    const plan = planRuns(scenario, flags);
    // Relative `module` and `database` paths start from the scenario file's folder.
    const scenarioDir = file === undefined ? undefined : dirname(resolve(file));
    if (plan.kind === 'single') await runOnce(plan.scenario, flags, io, scenarioDir);
    else await runExperimentCommand(plan.spec, flags, io, scenarioDir);
  });
}
