import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage } from '../../../shared/errors/error-message';
import type { Runtime } from '../../../shared/scenario';
import type { RuntimeStatus } from './runtime-runner';

/** How to find one toolchain executable and read its version. */
export interface ToolchainQuery {
  name: Runtime;
  /** `CONCURRENCY_EXPLORER_PYTHON`: a path (or a name on PATH) that wins over the candidates. */
  envVar: string;
  /** Names to look for on PATH, in order (`python3`, `python`). */
  candidates: readonly string[];
  /** Arguments that make it print its version (to stdout or stderr). */
  versionArgs: readonly string[];
  /** The version in that output, or null when it is not one this runner accepts (then `tooOld` says why). */
  parseVersion(output: string): string | null;
  /** Refuses a version the runner cannot use: the reason, or null. */
  tooOld?(version: string): string | null;
  /** What to install, for the reason when nothing is found. */
  installHint: string;
}

const VERSION_TIMEOUT_MS = 10_000;

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `name` as found on PATH (absolute), or null. */
export async function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  if (name.includes('/') || name.includes('\\')) return (await isExecutable(name)) ? path.resolve(name) : null;
  const extensions = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    for (const extension of extensions) {
      const file = path.join(dir, name + extension);
      if (await isExecutable(file)) return file;
    }
  }
  return null;
}

/** Runs `file args` and gives back what it printed, stdout then stderr (Java prints its version to stderr). */
export function outputOf(file: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout: VERSION_TIMEOUT_MS, windowsHide: true }, (error, stdout, stderr) => {
      if (error !== null) reject(error);
      else resolve(`${stdout}\n${stderr}`);
    });
  });
}

/**
 * Finds a toolchain: the environment variable's value when set (and only it: a wrong value is reported, not
 * silently replaced by what PATH has), else the first candidate on PATH; then asks it its version.
 */
export async function detectToolchain(query: ToolchainQuery, env: NodeJS.ProcessEnv = process.env): Promise<RuntimeStatus> {
  const missing = (reason: string, found: string | null = null): RuntimeStatus => ({
    name: query.name,
    available: false,
    version: null,
    path: found,
    reason,
  });
  const fromEnv = env[query.envVar];
  const names = fromEnv !== undefined && fromEnv !== '' ? [fromEnv] : query.candidates;
  let found: string | null = null;
  for (const name of names) {
    found = await findOnPath(name, env);
    if (found !== null) break;
  }
  if (found === null) {
    const where = fromEnv ? `${query.envVar} names ${fromEnv}, which is not an executable` : `no ${query.candidates.join(' or ')} on PATH`;
    return missing(`${where}: install ${query.installHint}, or set ${query.envVar} to its path`);
  }
  let output: string;
  try {
    output = await outputOf(found, query.versionArgs);
  } catch (error) {
    return missing(`${found} ${query.versionArgs.join(' ')} failed: ${errorMessage(error)}`, found);
  }
  const version = query.parseVersion(output);
  if (version === null) return missing(`could not read a version from ${found} ${query.versionArgs.join(' ')}: ${output.trim().slice(0, 200)}`, found);
  const refused = query.tooOld?.(version) ?? null;
  if (refused !== null) return { ...missing(`${found} is version ${version}: ${refused}; install ${query.installHint}`, found), version };
  return { name: query.name, available: true, version, path: found, reason: null };
}

/** True when dotted version `version` is at least `minimum` (`3.9` <= `3.11.2`). */
export function versionAtLeast(version: string, minimum: string): boolean {
  const parts = (text: string) => text.split(/[.+-]/).map((part) => Number.parseInt(part, 10) || 0);
  const have = parts(version);
  const need = parts(minimum);
  for (let i = 0; i < need.length; i++) {
    const a = have[i] ?? 0;
    const b = need[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}
