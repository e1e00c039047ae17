import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { electronUnavailableReason } from './fixtures/electron-app';
import { PROJECT_ROOT } from './fixtures/paths';

/** What the build reads: a change to any of them makes `out/` stale. */
const SOURCES = ['electron', 'renderer', 'shared', 'electron.vite.config.ts', 'package.json'];
/** What the build writes, one file per entry. */
const OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

function newestSourceMs(): number {
  let newest = 0;
  for (const source of SOURCES) {
    const path = join(PROJECT_ROOT, source);
    if (!existsSync(path)) continue;
    const files = statSync(path).isDirectory()
      ? readdirSync(path, { recursive: true, encoding: 'utf8' }).map((file) => join(path, file))
      : [path];
    for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

function oldestOutputMs(): number {
  const outputs = OUTPUTS.map((output) => join(PROJECT_ROOT, output));
  if (!outputs.every((output) => existsSync(output))) return -1;
  return Math.min(...outputs.map((output) => statSync(output).mtimeMs));
}

/**
 * Builds the app once (`electron-vite build`) when `out/` is missing or older than its sources, and says
 * up front why the electron project will be skipped, if it will.
 */
export default function globalSetup(): void {
  const electronMissing = electronUnavailableReason();
  if (electronMissing !== null) console.log(`The electron project's tests will be skipped: ${electronMissing}.`);
  if (oldestOutputMs() >= newestSourceMs()) return;
  const cli = join(PROJECT_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const build = spawnSync(process.execPath, [cli, 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`electron-vite build failed (exit ${build.status ?? build.signal}): the end-to-end tests need the built app`);
}
