import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

/** Where the Electron executable is, or why there is none. */
export type ElectronBinary =
  | { found: true; executable: string }
  | { found: false; expected: string | null; reason: string };

/**
 * Finds the Electron executable the way the `electron` package's own `index.js` does (`path.txt` names it
 * inside `dist/`, `ELECTRON_OVERRIDE_DIST_PATH` replaces `dist/`), but without its side effect: requiring
 * that package downloads the binary when it is missing, which hangs offline.
 */
export function locateElectronBinary(electronPackageDir: string, env: Env = process.env): ElectronBinary {
  const pathFile = path.join(electronPackageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const executable = path.join(override, relative ?? 'electron');
    return existsSync(executable)
      ? { found: true, executable }
      : { found: false, expected: executable, reason: `ELECTRON_OVERRIDE_DIST_PATH names ${executable}, which does not exist` };
  }
  if (relative === null) {
    return { found: false, expected: null, reason: `${pathFile} is missing: the binary was never downloaded` };
  }
  const executable = path.join(electronPackageDir, 'dist', relative);
  return existsSync(executable)
    ? { found: true, executable }
    : { found: false, expected: executable, reason: `${executable} does not exist` };
}

/** The outcome of one download attempt. */
export type DownloadAttempt = { attempted: false; reason: string } | { attempted: true; ok: boolean; detail: string };

/**
 * Runs the `electron` package's installer once, killed after `timeoutMs` so that an offline machine gets
 * an answer quickly instead of a hang. Honours `ELECTRON_SKIP_BINARY_DOWNLOAD` (set in CI and sandboxes).
 */
export function downloadElectronOnce(
  electronPackageDir: string,
  options: { timeoutMs: number; env?: Env },
): Promise<DownloadAttempt> {
  const env = options.env ?? process.env;
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return Promise.resolve({ attempted: false, reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' });
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(electronPackageDir, 'install.js')], {
      env: { ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ attempted: true, ok: false, detail: error.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ attempted: true, ok: true, detail: 'downloaded' });
      else if (signal) resolve({ attempted: true, ok: false, detail: `no answer within ${options.timeoutMs / 1000} s` });
      else resolve({ attempted: true, ok: false, detail: firstErrorLine(output) });
    });
  });
}

/** The first line of a tool's output that says what failed, without the stack trace that follows it. */
export function firstErrorLine(output: string): string {
  const lines = output.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('at '));
  const error = lines.find((line) => /^(\w*Error|error)\b[:\s]/.test(line));
  return (error ?? lines.at(-1) ?? 'no output').replace(/^Error:\s*/, '');
}
