import { TASK_KINDS, type TaskKind } from '../../../shared/scenario';
import { strategyGuide } from '../../../shared/strategies';
import { STRATEGY_TYPES, type StrategyType } from '../../../shared/scenario';
import type { Problem } from '../../../shared/validation/format-issues';
import { getAt } from './draft-path';
import { OPTION_FIELDS, fieldKeysOf } from './task-fields';

/** A part of the form that shows the problems no single field of it can show. */
export type FormSection = 'general' | 'strategy' | 'options' | 'tasks' | `tasks[${number}]`;

/** Every problem, placed either at the form field it is about or at the section that holds it. */
export interface PlacedProblems {
  /** Field path (`tasks[0].count`) -> messages. */
  atField: ReadonlyMap<string, string[]>;
  /** Problems with no field of their own, by section. */
  atSection: ReadonlyMap<FormSection, Problem[]>;
}

/** The paths of every field the form shows for this draft. */
export function formFieldPaths(draft: unknown): string[] {
  const paths = ['name', 'description', 'strategy.type'];
  const type = getAt(draft, ['strategy', 'type']);
  if ((STRATEGY_TYPES as readonly unknown[]).includes(type)) {
    const size = strategyGuide(type as StrategyType).size;
    if (size !== undefined) paths.push(`strategy.${size.field}`);
  }
  for (const field of OPTION_FIELDS) paths.push(`options.${field.key}`);
  const tasks = getAt(draft, ['tasks']);
  if (Array.isArray(tasks)) {
    tasks.forEach((group, i) => {
      const kind = getAt(group, ['kind']);
      const keys = (TASK_KINDS as readonly unknown[]).includes(kind) ? fieldKeysOf(kind as TaskKind) : ['kind'];
      for (const key of keys) paths.push(`tasks[${i}].${key}`);
    });
  }
  return paths;
}

function sectionOf(path: string, groupCount: number): FormSection {
  if (path.startsWith('strategy')) return 'strategy';
  if (path.startsWith('options')) return 'options';
  const group = /^tasks\[(\d+)\]/.exec(path);
  if (group !== null && Number(group[1]) < groupCount) return `tasks[${Number(group[1])}]`;
  if (path.startsWith('tasks')) return 'tasks';
  return 'general';
}

/** Places each problem at its field when the form shows one (a problem inside a list goes to the list's field). */
export function placeProblems(problems: readonly Problem[], draft: unknown): PlacedProblems {
  const fields = formFieldPaths(draft);
  const tasks = getAt(draft, ['tasks']);
  const groupCount = Array.isArray(tasks) ? tasks.length : 0;
  const atField = new Map<string, string[]>();
  const atSection = new Map<FormSection, Problem[]>();
  for (const problem of problems) {
    const field = fields.find((f) => problem.path === f || problem.path.startsWith(`${f}[`) || problem.path.startsWith(`${f}.`));
    if (field !== undefined) {
      atField.set(field, [...(atField.get(field) ?? []), problem.message]);
    } else {
      const section = sectionOf(problem.path, groupCount);
      atSection.set(section, [...(atSection.get(section) ?? []), problem]);
    }
  }
  return { atField, atSection };
}
