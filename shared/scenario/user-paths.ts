import { z } from 'zod';
import type { Scenario } from './scenario-schema';

/** A path on any of the platforms the app runs on: `/x`, `C:\x`, `C:/x` or `\\server\share`. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/** The absolute folder of a scenario's file, which its relative `module` and `database` paths start from. */
export const ScenarioDirSchema = z.string().min(1).max(4096).refine(isAbsolutePath, 'must be an absolute folder path');

/** A file a task opens by the path the scenario gives: a `module` or a user's `database`. */
export interface UserPath {
  /** Where it is in the scenario, as problems name it: `tasks[2].path`. */
  field: string;
  /** The same place as a validation path: `['tasks', 2, 'path']`. */
  at: ['tasks', number, 'path' | 'database'];
  path: string;
}

/** Every file path the scenario's tasks name, in scenario order. */
export function userPaths(scenario: Pick<Scenario, 'tasks'>): UserPath[] {
  return scenario.tasks.flatMap((spec, group): UserPath[] => {
    if (spec.kind === 'module') return [{ field: `tasks[${group}].path`, at: ['tasks', group, 'path'], path: spec.path }];
    if (spec.kind === 'sqlite' && spec.database !== undefined) return [{ field: `tasks[${group}].database`, at: ['tasks', group, 'database'], path: spec.database }];
    return [];
  });
}

/**
 * Why the scenario cannot run without a file location (`scenarioDir` null): each relative path it names,
 * which only the folder of the scenario's file could resolve. Empty when it can run.
 */
export function unresolvablePaths(scenario: Pick<Scenario, 'tasks'>, scenarioDir: string | null | undefined): string[] {
  if (scenarioDir) return [];
  return userPaths(scenario)
    .filter(({ path }) => !isAbsolutePath(path))
    .map(({ field, path }) => `${field}: "${path}" is relative to the scenario's file, and this scenario has no file: open it from its file, or give an absolute path`);
}
