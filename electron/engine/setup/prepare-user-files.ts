import { errorMessage } from '../../../shared/errors/error-message';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Scenario, TaskGroup } from '../../../shared/scenario';
import { loadTaskFunction } from '../kinds/module';
import { openUserDatabase } from '../kinds/scratch-database';

/** The user's file at `path` (absolute: the backend resolved it); throws when it is missing or unreadable. */
async function userFile(path: string): Promise<string> {
  try {
    await access(path, constants.R_OK);
  } catch {
    throw new Error(`cannot read ${path}`);
  }
  return path;
}

/**
 * A `.ts` / `.mts` module bundled by esbuild into the scratch folder as plain JavaScript, since Node 20
 * cannot load TypeScript: its own relative imports are bundled in, Node's built-ins stay imports, and
 * `require` resolves from the original file. Source maps are inline and on, so a thrown error's stack
 * names the user's file and line.
 */
async function bundleTypeScript(file: string, scratchDir: string, group: number): Promise<string> {
  // Loaded only for TypeScript modules: most runs never need esbuild.
  const { build } = await import('esbuild');
  const outfile = join(scratchDir, `module-group-${group}.mjs`);
  await build({
    entryPoints: [file],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node}`,
    sourcemap: 'inline',
    logLevel: 'silent',
    banner: { js: `import { createRequire as __ceRequire } from 'node:module'; const require = __ceRequire(${JSON.stringify(pathToFileURL(file).href)});` },
  });
  process.setSourceMapsEnabled(true);
  return pathToFileURL(outfile).href;
}

async function prepareModule(spec: Extract<TaskGroup, { kind: 'module' }>, file: string, scratchDir: string, group: number): Promise<string> {
  const lower = file.toLowerCase();
  if (lower.endsWith('.py')) throw new Error('a .py module runs on the Python runtime, not in the Node engine');
  const url = lower.endsWith('.ts') || lower.endsWith('.mts') ? await bundleTypeScript(file, scratchDir, group) : pathToFileURL(file).href;
  try {
    // Imported now, before the clock starts: a module that cannot load fails the run, not each task.
    await loadTaskFunction(url, spec.export);
  } catch (error) {
    throw new Error(`${file} ${errorMessage(error)}`);
  }
  return url;
}

/**
 * Checks each `module` and user `database` file of the scenario (absolute paths: the backend resolved relative
 * ones from the scenario file's folder), bundles TypeScript modules, imports every module once and opens every
 * database read-only, before the clock starts. Returns the group files of `KindEnv.groupFiles`; throws an Error
 * naming the field and the problem.
 */
export async function prepareUserFiles(scenario: Scenario, scratchDir: string): Promise<Record<number, string>> {
  const files: Record<number, string> = {};
  for (const [group, spec] of scenario.tasks.entries()) {
    try {
      if (spec.kind === 'module') files[group] = await prepareModule(spec, await userFile(spec.path), scratchDir, group);
      else if (spec.kind === 'sqlite' && spec.database !== undefined) {
        const file = await userFile(spec.database);
        openUserDatabase(file);
        files[group] = file;
      }
    } catch (error) {
      const field = spec.kind === 'module' ? 'path' : 'database';
      throw new Error(`tasks[${group}].${field}: ${errorMessage(error)}`);
    }
  }
  return files;
}
