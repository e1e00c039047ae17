import { dirname, resolve } from 'node:path';
import { effectLine, externalEffects, type Scenario } from '../../../shared/scenario';
import { withAbsoluteUserPaths } from '../../backend/runs/user-paths';
import { type CliIo, confirm } from '../cli-io';
import { CliError, EXIT_CODES, UsageError } from '../cli-error';

/**
 * A scenario file comes from outside the CLI: before it executes anything (a `spawn` command, a `module`) or
 * reads a user `database`, the user agrees. On a terminal the CLI lists exactly what will run
 * and asks y/N; off a terminal it refuses (exit 2) unless `--allow-exec` was given. Built-in presets never ask.
 * Module and database paths are listed absolute, from the file's folder: the files that would really be opened.
 */
export async function confirmExec(scenario: Scenario, file: string, allowExec: boolean, io: CliIo): Promise<void> {
  const effects = externalEffects(withAbsoluteUserPaths(scenario, dirname(resolve(file))));
  if (effects.length === 0 || allowExec) return;
  const list = effects.map((e) => `  ${effectLine(e)}`);
  if (!io.stdinIsTTY || !io.stderrIsTTY) {
    throw new UsageError([
      effects.every((e) => e.kind === 'command')
        ? `${file} executes ${effects.length === 1 ? 'a program' : 'programs'} on this computer:`
        : `${file} runs code or reads files on this computer:`,
      ...list,
      'Not run: there is no terminal to ask on. Pass --allow-exec to run it anyway.',
    ]);
  }
  io.err(`${file} will execute on this computer, with your rights:\n${list.join('\n')}\n`);
  if (!(await confirm(io, 'Run it?'))) throw new CliError('Not run.', EXIT_CODES.usage);
}
