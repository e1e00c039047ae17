import { checkExperimentSpec, type ExperimentSpec, type ExperimentSpecInput } from '../../../shared/experiments/experiment-spec';
import { findPreset, PRESETS } from '../../../shared/presets';
import { checkScenario, checkScenarioText, externalEffects, type Scenario, type ScenarioCheck, type Strategy } from '../../../shared/scenario';
import { CliError, EXIT_CODES, UsageError } from '../cli-error';
import { type CliIo, confirm, readInputFile } from '../cli-io';

function checked(check: ScenarioCheck, origin: string): Scenario {
  if (check.ok) return check.scenario;
  throw new UsageError(check.problems.map((p) => `${origin}: ${p.path}: ${p.message}`));
}

/** The scenario in a JSON file; every problem is reported as `file: path: message`. */
export async function readScenarioFile(file: string): Promise<Scenario> {
  return checked(checkScenarioText(await readInputFile(file)), file);
}

/** The base scenario of a built-in preset. */
export function presetScenario(id: string): Scenario {
  const preset = findPreset(id);
  if (preset === undefined) {
    throw UsageError.of(`unknown preset "${id}": use one of ${PRESETS.map((p) => p.id).join(', ')}`);
  }
  return checked(checkScenario(preset.scenario), `preset ${id}`);
}

/** The scenario `run` was pointed at: a file or `--preset`, exactly one of them. */
export async function chooseScenario(file: string | undefined, preset: string | undefined): Promise<Scenario> {
  if (file !== undefined && preset !== undefined) throw UsageError.of('give either a scenario file or --preset, not both');
  if (file !== undefined) return readScenarioFile(file);
  if (preset !== undefined) return presetScenario(preset);
  throw UsageError.of('run needs a scenario file or --preset <id> (see the presets command)');
}

/** The flags of `run` that decide which runs it makes. */
export interface PlanFlags {
  strategy?: Strategy;
  repeat?: number;
  warmup?: number;
  matrix?: Strategy[];
  /** The highest concurrency of `--sweep pool:1..N`. */
  sweep?: number;
  /** False with `--no-save`. */
  save: boolean;
}

/** What one `run` command does: the scenario once, or an experiment (a group of runs stored together). */
export type RunPlan = { kind: 'single'; scenario: Scenario } | { kind: 'experiment'; spec: ExperimentSpec };

/**
 * Decides what `run` does from its flags, refusing combinations that mean nothing: two kinds of experiment
 * at once, `--warmup` without `--repeat`, a strategy given twice, and an experiment that would not be
 * stored (an experiment is a group of stored runs, and `show --experiment` reopens it).
 */
export function planRuns(base: Scenario, flags: PlanFlags): RunPlan {
  const scenario = flags.strategy === undefined ? base : { ...base, strategy: flags.strategy };
  const given = experimentFlags(flags);
  if (given.length > 1) {
    throw UsageError.of(`${given[0]} and ${given[1]} cannot be used together: an experiment is either --repeat, --matrix or --sweep`);
  }
  if (flags.warmup !== undefined && flags.repeat === undefined) {
    throw UsageError.of('--warmup goes with --repeat: warm-up runs come before the counted repeats');
  }
  const flag = given[0];
  if (flag === undefined) return { kind: 'single', scenario };
  if (!flags.save) {
    throw UsageError.of(`${flag} stores its runs in the history as one experiment, so it cannot be used with --no-save`);
  }
  if (flags.strategy !== undefined && flag !== '--repeat') {
    throw UsageError.of(`${flag} sets the strategy of every run: leave out --strategy`);
  }
  return { kind: 'experiment', spec: checkedSpec(specInput(scenario, flags)) };
}

function experimentFlags(flags: PlanFlags): string[] {
  const given: string[] = [];
  if (flags.repeat !== undefined) given.push('--repeat');
  if (flags.matrix !== undefined) given.push('--matrix');
  if (flags.sweep !== undefined) given.push('--sweep');
  return given;
}

function specInput(scenario: Scenario, flags: PlanFlags): ExperimentSpecInput {
  if (flags.matrix !== undefined) return { kind: 'matrix', scenario, strategies: flags.matrix };
  if (flags.sweep !== undefined) return { kind: 'sweep', scenario, maxConcurrency: flags.sweep };
  return { kind: 'repeat', scenario, repeat: flags.repeat ?? 1, warmup: flags.warmup ?? 0 };
}

function checkedSpec(input: ExperimentSpecInput): ExperimentSpec {
  const check = checkExperimentSpec(input);
  if (check.ok) return check.spec;
  throw new UsageError(check.problems.map((p) => `experiment: ${p.path}: ${p.message}`));
}

/**
 * A scenario file comes from outside the CLI: before it executes anything (a `spawn` command; a `module` or a
 * user `database` when those kinds exist) the user agrees. On a terminal the CLI lists exactly what will run
 * and asks y/N; off a terminal it refuses (exit 2) unless `--allow-exec` was given. Built-in presets never ask.
 */
export async function confirmExec(scenario: Scenario, file: string, allowExec: boolean, io: CliIo): Promise<void> {
  const effects = externalEffects(scenario);
  if (effects.length === 0 || allowExec) return;
  const list = effects.map((e) => `  tasks[${e.group}]: ${e.text}`);
  if (!io.stdinIsTTY || !io.stderrIsTTY) {
    throw new UsageError([
      `${file} executes ${effects.length === 1 ? 'a program' : 'programs'} on this computer:`,
      ...list,
      'Not run: there is no terminal to ask on. Pass --allow-exec to run it anyway.',
    ]);
  }
  io.err(`${file} will execute on this computer, with your rights:\n${list.join('\n')}\n`);
  if (!(await confirm(io, 'Run it?'))) throw new CliError('Not run.', EXIT_CODES.usage);
}
