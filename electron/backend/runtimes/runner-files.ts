import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRODUCT_NAME } from '../data-dir';

/** Points runner builds at another cache folder (tests, or a machine whose home is read-only). */
export const CACHE_ENV_VAR = 'CONCURRENCY_EXPLORER_CACHE';

/**
 * The folder of runner sources, `runners/` at the repository's root: shipped beside the packaged app's
 * resources (electron-builder `extraResources`), found two levels up from the built bundle in out/main/, or
 * three from this source file.
 */
export function runnersRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    ...(resources === undefined ? [] : [path.join(resources, 'runners')]),
    path.resolve(here, '..', '..', 'runners'),
    path.resolve(here, '..', '..', '..', 'runners'),
  ];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'README.md')));
  if (found === undefined) throw new Error(`the runner sources are missing: looked in ${candidates.join(', ')}`);
  return found;
}

/** A runner's source file, from its path relative to the runners folder. */
export function runnerSourcePath(source: string): string {
  return path.join(runnersRoot(), source);
}

/**
 * The per-user cache of runner builds: `CONCURRENCY_EXPLORER_CACHE`, else the platform's cache folder
 * (`$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on macOS, `%LOCALAPPDATA%` on Windows) followed by
 * the product name and `runners`.
 */
export function runnerCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[CACHE_ENV_VAR];
  if (fromEnv !== undefined && fromEnv !== '') return path.resolve(fromEnv);
  const home = homedir();
  if (process.platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), PRODUCT_NAME, 'runners');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', PRODUCT_NAME, 'runners');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), PRODUCT_NAME, 'runners');
}

/**
 * The name of a build's folder in the cache: the source's hash and the toolchain's version, so that a changed
 * runner or another toolchain builds afresh and an unchanged one is reused.
 */
export async function buildKey(sourceFile: string, toolchainVersion: string): Promise<string> {
  const hash = createHash('sha256').update(await readFile(sourceFile)).update('\0').update(toolchainVersion).digest('hex');
  return hash.slice(0, 16);
}
