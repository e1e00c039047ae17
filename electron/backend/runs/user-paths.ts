import { statSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/api/api-error';
import { isAbsolutePath, unresolvablePaths, userPaths, type Scenario } from '../../../shared/scenario';

function absolute(userPath: string, scenarioDir: string | undefined): string {
  return scenarioDir === undefined || isAbsolutePath(userPath) ? userPath : path.resolve(scenarioDir, userPath);
}

/**
 * The scenario with each relative `module` and `database` path made absolute from `scenarioDir` (the folder of
 * its file); without a folder, as written. What consent lists and remembers: the files that would really run.
 */
export function withAbsoluteUserPaths(scenario: Scenario, scenarioDir: string | undefined): Scenario {
  if (scenarioDir === undefined || userPaths(scenario).every(({ path: p }) => isAbsolutePath(p))) return scenario;
  return {
    ...scenario,
    tasks: scenario.tasks.map((spec) => {
      if (spec.kind === 'module') return { ...spec, path: absolute(spec.path, scenarioDir) };
      if (spec.kind === 'sqlite' && spec.database !== undefined) return { ...spec, database: absolute(spec.database, scenarioDir) };
      return spec;
    }),
  };
}

/**
 * The scenario as an engine or a runner gets it: every user path absolute, resolved here once for every runtime.
 * Throws an `ApiError` naming the problem, before any process starts, when a relative path has no folder to start
 * from or its folder is gone (a run again from History of a scenario file that has moved).
 */
export function resolveUserPaths(scenario: Scenario, scenarioDir: string | undefined): Scenario {
  const unresolvable = unresolvablePaths(scenario, scenarioDir);
  if (unresolvable.length > 0) throw new ApiError('bad_request', unresolvable.join('\n'));
  const relative = userPaths(scenario).filter(({ path: p }) => !isAbsolutePath(p));
  if (scenarioDir !== undefined && relative.length > 0 && !isFolder(scenarioDir)) {
    const fields = relative.map(({ field, path: p }) => `${field} "${p}"`).join(', ');
    throw new ApiError('bad_request', `The scenario's folder ${scenarioDir} no longer exists, and ${fields} ${relative.length === 1 ? 'starts' : 'start'} there: open the scenario from its file again, or give absolute paths.`);
  }
  return withAbsoluteUserPaths(scenario, scenarioDir);
}

function isFolder(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
