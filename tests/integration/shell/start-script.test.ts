import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateElectronBinary } from '../../../scripts/desktop/electron-binary';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const electronPresent = locateElectronBinary(path.join(projectRoot, 'node_modules', 'electron')).found;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runNode(script: string, env: Record<string, string | undefined>, cwd = projectRoot): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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

describe.skipIf(electronPresent)('npm start where the Electron executable is missing', () => {
  it('tries the download once, then exits non-zero with one paragraph that points at `npm run serve`', async () => {
    mirrorRequests = [];
    const outcome = await runNode('scripts/start.mjs', {
      ELECTRON_MIRROR: mirrorUrl,
      electron_config_cache: cacheDir,
      ELECTRON_SKIP_BINARY_DOWNLOAD: undefined,
    });
    expect(outcome.code).not.toBe(0);
    expect(outcome.code).not.toBeNull();
    expect(mirrorRequests.length).toBeGreaterThanOrEqual(1);
    expect(mirrorRequests.length).toBeLessThanOrEqual(2);
    const paragraph = outcome.stderr.trim();
    expect(paragraph.split('\n')).toHaveLength(1);
    expect(paragraph).toContain('Electron executable is missing');
    expect(paragraph).toContain('downloading it once just now failed');
    expect(paragraph).toContain('`npm run serve`');
    expect(paragraph).not.toMatch(/\n\s+at /);
  });

  it('does not try the download when ELECTRON_SKIP_BINARY_DOWNLOAD is set', async () => {
    mirrorRequests = [];
    const outcome = await runNode('scripts/start.mjs', { ELECTRON_MIRROR: mirrorUrl, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(outcome.code).toBe(1);
    expect(mirrorRequests).toEqual([]);
    expect(outcome.stderr).toContain('no download was tried (ELECTRON_SKIP_BINARY_DOWNLOAD is set)');
    expect(outcome.stderr).toContain('`npm run serve`');
  });
});

describe('postinstall', () => {
  it('exits 0 and prints one short note when the desktop app cannot be prepared', async () => {
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
      expect(outcome.stdout).toMatch(/^Note: the desktop app's setup step was skipped/);
    } finally {
      rmSync(lonely, { recursive: true, force: true });
    }
  });
});
