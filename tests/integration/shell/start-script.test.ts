import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateElectronBinary } from '../../../scripts/desktop/electron-binary';
import { ensureBuilt } from '../../fixtures/built-app';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const electronPresent = locateElectronBinary(path.join(projectRoot, 'node_modules', 'electron')).found;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runNode(script: string, env: Record<string, string | undefined>, cwd = projectRoot, args: string[] = []): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

// Electron's downloader is pointed at a loopback server that has no binaries: the attempt is real, and
// nothing leaves the machine.
let mirror: Server;
let mirrorUrl: string;
let mirrorRequests: string[] = [];
let cacheDir: string;

beforeAll(async () => {
  // A fresh build, so that neither npm start nor postinstall makes one here.
  ensureBuilt();
  cacheDir = mkdtempSync(path.join(tmpdir(), 'electron-cache-'));
  mirror = createServer((request, response) => {
    mirrorRequests.push(request.url ?? '');
    response.writeHead(404).end('no binaries here');
  });
  await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
  mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => mirror.close(resolve));
  rmSync(cacheDir, { recursive: true, force: true });
});

/** Runs `npm start`'s script until it serves the app, then presses Ctrl+C; what it printed, and how it ended. */
function startUntilServed(env: Record<string, string | undefined>, args: string[] = []): Promise<Outcome & { url: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/start.mjs', ...args], {
      cwd: projectRoot,
      env: { ...process.env, BROWSER: 'none', CONCURRENCY_EXPLORER_DB: path.join(cacheDir, 'history.sqlite'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let url: string | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const served = /is served at (\S+)/.exec(stdout);
      if (url === null && served !== null) {
        url = served[1] ?? null;
        child.kill('SIGINT');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, url });
    });
  });
}

describe.skipIf(electronPresent)('npm start where the Electron executable is missing', () => {
  it('tries the download once, says so in one line, then serves the app to the browser until Ctrl+C', async () => {
    mirrorRequests = [];
    const outcome = await startUntilServed({ ELECTRON_MIRROR: mirrorUrl, electron_config_cache: cacheDir, ELECTRON_SKIP_BINARY_DOWNLOAD: undefined });
    expect(mirrorRequests.length).toBeGreaterThanOrEqual(1);
    expect(mirrorRequests.length).toBeLessThanOrEqual(2);
    const [line, ...rest] = outcome.stderr.trim().split('\n');
    expect(line).toContain('Electron executable is missing');
    expect(line).toContain('downloading it once just now failed');
    expect(line).toContain('opens in your browser instead');
    expect(rest).toEqual(['Could not open a browser (BROWSER is set to none): open the URL above.', 'Stopping: cancelling the runs under way...']);
    expect(outcome.stderr).not.toMatch(/\n\s+at /);
    expect(outcome.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(outcome.code).toBe(0);
  });

  it('does not try the download when ELECTRON_SKIP_BINARY_DOWNLOAD is set', async () => {
    mirrorRequests = [];
    const outcome = await startUntilServed({ ELECTRON_MIRROR: mirrorUrl, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(mirrorRequests).toEqual([]);
    expect(outcome.stderr).toContain('no download was tried (ELECTRON_SKIP_BINARY_DOWNLOAD is set)');
    expect(outcome.url).not.toBeNull();
    expect(outcome.code).toBe(0);
  });
});

describe('npm start -- --browser', () => {
  it('serves the app to the browser without looking for Electron', async () => {
    mirrorRequests = [];
    const outcome = await startUntilServed({ ELECTRON_MIRROR: mirrorUrl, ELECTRON_SKIP_BINARY_DOWNLOAD: undefined }, ['--browser']);
    expect(mirrorRequests).toEqual([]);
    expect(outcome.stderr).not.toContain('Electron');
    expect(outcome.url).not.toBeNull();
    expect(outcome.code).toBe(0);
  });

  it('refuses an option it does not know, naming it', async () => {
    const outcome = await runNode('scripts/start.mjs', {}, projectRoot, ['--window']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr.trim()).toBe('npm start: unknown option --window (the only one is --browser, which opens the app in a browser)');
  });
});

describe('postinstall', () => {
  it('exits 0 and prints one short note when the desktop app cannot be prepared (the build being fresh)', async () => {
    const outcome = await runNode('scripts/postinstall.mjs', { ELECTRON_MIRROR: mirrorUrl });
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toBe('');
    if (!electronPresent) {
      expect(outcome.stdout.trim().split('\n')).toHaveLength(1);
      expect(outcome.stdout).toMatch(/^Note: the Electron executable is not downloaded yet/);
    }
  });

  it('exits 0 even where its own helpers cannot be loaded', async () => {
    const lonely = mkdtempSync(path.join(tmpdir(), 'postinstall-'));
    try {
      mkdirSync(path.join(lonely, 'scripts'));
      cpSync(path.join(projectRoot, 'scripts', 'postinstall.mjs'), path.join(lonely, 'scripts', 'postinstall.mjs'));
      const outcome = await runNode(path.join('scripts', 'postinstall.mjs'), {}, lonely);
      expect(outcome.code).toBe(0);
      expect(outcome.stdout.trim().split('\n')).toEqual([
        expect.stringMatching(/^Note: the app was not built \(.+\); `npm run build` tries again\.$/),
        expect.stringMatching(/^Note: the desktop app's setup step was skipped/),
      ]);
    } finally {
      rmSync(lonely, { recursive: true, force: true });
    }
  });
});
