import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { copyFile, cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  checkoutSqliteCacheRoot,
  describeTarget,
  electronSqlitePath,
  type ElectronSqliteTarget,
} from '../../electron/main/sqlite/electron-sqlite-binding';
import { firstErrorLine } from './electron-binary';

/** A compile from source takes minutes on a small machine; a hung download must not hang `npm start`. */
const BUILD_TIMEOUT_MS = 15 * 60_000;

/**
 * npm hands its config to scripts as `npm_config_*` variables, and node-gyp obeys them: `nodedir` (set on
 * machines that build offline against local Node headers) would silently make a build for Node's ABI.
 */
const NODE_GYP_OVERRIDES = /^npm_config_(nodedir|target|target_arch|arch|runtime|disturl|dist_url|build_from_source)$/i;

/** Building better-sqlite3 for Electron failed; the message says why and where the full log is. */
export class ElectronSqliteBuildError extends Error {
  override readonly name = 'ElectronSqliteBuildError';
}

/** How to build; the defaults are what `npm start` wants, tests point `distUrl` at loopback. */
export interface ElectronSqliteBuildOptions {
  projectRoot: string;
  electronVersion: string;
  arch?: string;
  /** Where Electron's headers come from (node-gyp's `--dist-url`); default: electron-rebuild's, electronjs.org. */
  distUrl?: string;
  /** Skip prebuilt binaries (prebuild-install) and compile. */
  fromSource?: boolean;
  timeoutMs?: number;
}

/** What the build is for, read from the installed better-sqlite3. */
export async function sqliteTargetFor(projectRoot: string, electronVersion: string, arch: string = process.arch): Promise<ElectronSqliteTarget> {
  const manifest = JSON.parse(await readFile(betterSqliteDir(projectRoot, 'package.json'), 'utf8')) as { version: string };
  return { electronVersion, betterSqliteVersion: manifest.version, platform: process.platform, arch };
}

/**
 * Returns the Electron-ABI build of better-sqlite3, making it first when it is missing: a copy of the
 * installed package (without its plain-Node build, which is never touched) is rebuilt by electron-rebuild
 * in a work folder, and only the finished `.node` file is kept. Throws `ElectronSqliteBuildError`.
 */
export async function ensureElectronSqlite(options: ElectronSqliteBuildOptions): Promise<{ binding: string; built: boolean }> {
  const target = await sqliteTargetFor(options.projectRoot, options.electronVersion, options.arch);
  const binding = electronSqlitePath(checkoutSqliteCacheRoot(options.projectRoot), target);
  if (existsSync(binding)) return { binding, built: false };

  const versionDir = path.dirname(binding);
  const workDir = path.join(versionDir, `work-${process.pid}`);
  const logFile = path.join(versionDir, 'build.log');
  await mkdir(workDir, { recursive: true });
  try {
    const installed = betterSqliteDir(options.projectRoot);
    await cp(installed, path.join(workDir, 'node_modules', 'better-sqlite3'), {
      recursive: true,
      filter: (source) => source !== path.join(installed, 'build'),
    });
    await writeFile(
      path.join(workDir, 'package.json'),
      JSON.stringify({ name: 'electron-sqlite-build', private: true, dependencies: { 'better-sqlite3': target.betterSqliteVersion } }),
    );
    const failure = await runElectronRebuild(options, target, workDir, logFile);
    if (failure !== null) {
      throw new ElectronSqliteBuildError(
        `Could not build the SQLite driver for ${describeTarget(target)}: ${failure}. ` +
          'It needs Electron headers (from https://electronjs.org/headers) or a prebuilt binary (from GitHub), ' +
          `so internet access, and a C++ toolchain when compiling. Full log: ${logFile}`,
      );
    }
    const staged = `${binding}.${process.pid}.tmp`;
    await copyFile(path.join(workDir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), staged);
    await rename(staged, binding);
    return { binding, built: true };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function betterSqliteDir(projectRoot: string, ...rest: string[]): string {
  return path.join(projectRoot, 'node_modules', 'better-sqlite3', ...rest);
}

/** Runs the electron-rebuild CLI in a child so that its output (stack traces included) goes to the log only. */
function runElectronRebuild(
  options: ElectronSqliteBuildOptions,
  target: ElectronSqliteTarget,
  workDir: string,
  logFile: string,
): Promise<string | null> {
  const projectRequire = createRequire(path.join(options.projectRoot, 'package.json'));
  const cli = path.join(path.dirname(projectRequire.resolve('@electron/rebuild')), 'cli.js');
  const args = [cli, '--version', target.electronVersion, '--arch', target.arch, '--module-dir', workDir];
  args.push('--only', 'better-sqlite3', '--force', '--sequential');
  if (options.fromSource) args.push('--build-from-source');
  if (options.distUrl) args.push('--dist-url', options.distUrl);
  const timeoutMs = options.timeoutMs ?? BUILD_TIMEOUT_MS;
  return new Promise((resolve) => {
    const log = createWriteStream(logFile);
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !NODE_GYP_OVERRIDES.test(name)));
    // Its own process group, so that a timeout ends the compiler processes it started too.
    const child = spawn(process.execPath, args, { cwd: workDir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let tail = '';
    const record = (chunk: Buffer) => {
      log.write(chunk);
      tail = (tail + chunk.toString()).slice(-8000);
    };
    child.stdout.on('data', record);
    child.stderr.on('data', record);
    const timer = setTimeout(() => killGroup(child.pid), timeoutMs);
    const interrupted = (signal: NodeJS.Signals) => {
      killGroup(child.pid);
      process.kill(process.pid, signal);
    };
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    let finished = false;
    const finish = (failure: string | null) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
      log.end(() => resolve(failure));
    };
    child.on('error', (error) => finish(`electron-rebuild could not be started (${error.message})`));
    child.on('close', (code, signal) => {
      if (code === 0) finish(null);
      else if (signal) finish(`electron-rebuild did not finish within ${Math.round(timeoutMs / 1000)} s`);
      else finish(`electron-rebuild failed (${firstErrorLine(tail)})`);
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  if (process.platform === 'win32') {
    spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore' });
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}
