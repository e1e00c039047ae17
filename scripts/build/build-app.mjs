// @ts-check
// `npm run build`, and the build every other path makes when out/ is missing or stale: electron-vite, then the stamp.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildState, fingerprintSources, writeStamp } from './build-stamp.mjs';

/** A second process that finds the build under way waits this long at most before it gives up. */
const LOCK_WAIT_MS = 10 * 60_000;
const LOCK_POLL_MS = 250;

/** The build could not be made; the message says why and what to do. */
export class BuildError extends Error {
  /** @override */
  name = 'BuildError';
}

/**
 * Builds every bundle into out/ with electron-vite, then stamps it. Throws `BuildError` when electron-vite
 * is not installed (an install without devDependencies) or the build fails; its output is passed through
 * when `echo` is set, else kept for the error message.
 * @param {string} projectRoot
 * @param {{ echo?: boolean }} [options]
 */
export function buildApp(projectRoot, options = {}) {
  const cli = electronViteCli(projectRoot);
  const fingerprint = fingerprintSources(projectRoot);
  const build = spawnSync(process.execPath, [cli, 'build'], {
    cwd: projectRoot,
    stdio: options.echo === true ? 'inherit' : 'pipe',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) {
    const output = `${build.stdout ?? ''}${build.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
    throw new BuildError(`electron-vite build failed (exit ${build.status ?? build.signal})${output === '' ? '' : `:\n${output}`}`);
  }
  writeStamp(projectRoot, fingerprint);
}

/**
 * electron-vite's command-line entry; throws `BuildError` when it is not installed (an install without
 * devDependencies cannot build).
 * @param {string} projectRoot
 */
function electronViteCli(projectRoot) {
  const cli = path.join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (existsSync(cli)) return cli;
  throw new BuildError('electron-vite is not installed (it is a devDependency): run `npm install` in the project folder, which builds the app');
}

/**
 * Makes sure out/ holds a build of the sources as they are: when it is missing or stale, says why on
 * `log` and builds it (one process at a time: a second one waits for the first and uses its build).
 * Throws `BuildError` when it cannot, naming the reason the build was needed.
 * @param {string} projectRoot
 * @param {{ log: (line: string) => void }} io
 * @returns {boolean} whether it built
 */
export function ensureFreshBuild(projectRoot, io) {
  const state = buildState(projectRoot);
  if (state.fresh) return false;
  return withBuildLock(projectRoot, () => {
    const now = buildState(projectRoot);
    if (now.fresh) return false;
    const refuse = (/** @type {unknown} */ error) =>
      new BuildError(`The build in out/ cannot be used (${now.reason}) and could not be remade: ${/** @type {Error} */ (error).message}`);
    try {
      electronViteCli(projectRoot);
    } catch (error) {
      throw refuse(error);
    }
    io.log(`Building Concurrency Explorer into out/ (${now.reason})...`);
    const startedMs = performance.now();
    try {
      buildApp(projectRoot);
    } catch (error) {
      throw refuse(error);
    }
    io.log(`Built in ${((performance.now() - startedMs) / 1000).toFixed(1)} s.`);
    return true;
  });
}

/**
 * Runs `work` holding out/.build-lock (created exclusively, holding our pid). A lock whose process is gone
 * is taken over; a live one is waited for.
 * @template T
 * @param {string} projectRoot
 * @param {() => T} work
 * @returns {T}
 */
function withBuildLock(projectRoot, work) {
  const lock = path.join(projectRoot, 'out', '.build-lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
    }
    if (!holderAlive(lock)) {
      rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new BuildError(`another process has been building into out/ for ${LOCK_WAIT_MS / 60_000} minutes (${lock})`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, LOCK_POLL_MS);
  }
  try {
    return work();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** @param {string} lock */
function holderAlive(lock) {
  let pid;
  try {
    pid = Number(readFileSync(lock, 'utf8'));
  } catch {
    return true;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
  try {
    buildApp(projectRoot, { echo: true });
  } catch (error) {
    console.error(/** @type {Error} */ (error).message);
    process.exitCode = 1;
  }
}
