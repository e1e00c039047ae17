import type { Scenario } from './scenario-schema';
import type { TaskGroup } from './task-kinds';

/**
 * Something a scenario will execute or open outside its run's scratch folder: what a user must agree to
 * before a scenario that came from someone else runs. `kind` says which: a program (`command`), code loaded
 * and run in the engine (`module`), a user's database read (`database`); `text` is exactly what is run or
 * opened (the path as the scenario writes it), as the consent dialog and the CLI list it.
 */
export interface ExternalEffect {
  /** Index of the task group in `scenario.tasks`. */
  group: number;
  kind: 'command' | 'module' | 'database';
  text: string;
}

/** What each kind of effect is, in a word or two, for the lists that show them. */
export const EFFECT_LABELS: Readonly<Record<ExternalEffect['kind'], string>> = {
  command: 'runs the program',
  module: 'runs the code of',
  database: 'reads the database',
};

/** An effect as one line of a list: `tasks[2]: runs the code of ./fetch-user.mjs`. */
export function effectLine(effect: ExternalEffect): string {
  return effect.kind === 'command' ? `tasks[${effect.group}]: ${effect.text}` : `tasks[${effect.group}]: ${EFFECT_LABELS[effect.kind]} ${effect.text}`;
}

/** A command line as a shell would read it back: arguments with spaces or quotes are single-quoted. */
export function commandLine(command: string, args: readonly string[]): string {
  return [command, ...args].map(quoteArgument).join(' ');
}

function quoteArgument(arg: string): string {
  if (arg !== '' && /^[\w@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

function effectOf(spec: TaskGroup, group: number): ExternalEffect | null {
  switch (spec.kind) {
    case 'spawn':
      return { group, kind: 'command', text: commandLine(spec.command, spec.args) };
    case 'module':
      return { group, kind: 'module', text: spec.export === 'default' ? spec.path : `${spec.path} (export ${spec.export})` };
    case 'sqlite':
      return spec.database === undefined ? null : { group, kind: 'database', text: spec.database };
    default:
      return null;
  }
}

/**
 * Every program the scenario will execute and every file outside its scratch folder it will open, one
 * entry per task group, in scenario order; empty when it does nothing beyond its scratch folder and the
 * network. The one place that decides which task kinds need consent.
 */
export function externalEffects(scenario: Pick<Scenario, 'tasks'>): ExternalEffect[] {
  return scenario.tasks.flatMap((spec, group) => effectOf(spec, group) ?? []);
}
