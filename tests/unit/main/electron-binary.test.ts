import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstErrorLine, locateElectronBinary } from '../../../scripts/desktop/electron-binary';
import { electronMissingLine } from '../../../scripts/desktop/electron-missing-message';

let packageDir: string;
beforeEach(() => {
  packageDir = mkdtempSync(path.join(tmpdir(), 'electron-pkg-'));
});
afterEach(() => rmSync(packageDir, { recursive: true, force: true }));

describe('locateElectronBinary', () => {
  it('reports a package whose binary was never downloaded (no path.txt)', () => {
    const binary = locateElectronBinary(packageDir, {});
    expect(binary).toEqual({ found: false, expected: null, reason: expect.stringContaining('path.txt is missing') });
  });

  it('reports a path.txt that names a file not in dist/', () => {
    writeFileSync(path.join(packageDir, 'path.txt'), 'electron');
    const binary = locateElectronBinary(packageDir, {});
    expect(binary).toMatchObject({ found: false, expected: path.join(packageDir, 'dist', 'electron') });
  });

  it('finds the executable that path.txt names inside dist/', () => {
    writeFileSync(path.join(packageDir, 'path.txt'), 'Electron.app/Contents/MacOS/Electron');
    const executable = path.join(packageDir, 'dist', 'Electron.app', 'Contents', 'MacOS', 'Electron');
    mkdirSync(path.dirname(executable), { recursive: true });
    writeFileSync(executable, '');
    expect(locateElectronBinary(packageDir, {})).toEqual({ found: true, executable });
  });

  it('looks in ELECTRON_OVERRIDE_DIST_PATH instead of dist/ when it is set', () => {
    const override = path.join(packageDir, 'elsewhere');
    mkdirSync(override);
    expect(locateElectronBinary(packageDir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toMatchObject({
      found: false,
      reason: expect.stringContaining('ELECTRON_OVERRIDE_DIST_PATH'),
    });
    writeFileSync(path.join(override, 'electron'), '');
    expect(locateElectronBinary(packageDir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toEqual({
      found: true,
      executable: path.join(override, 'electron'),
    });
  });
});

describe('firstErrorLine', () => {
  it('keeps the error message and drops the stack trace', () => {
    const output = 'Searching dependency tree\n\nError: bad port\n    at makeNetworkError (x.js:1:1)\n    at fetch (y.js:2:2)\n✖ Rebuild Failed\n';
    expect(firstErrorLine(output)).toBe('bad port');
  });

  it('falls back to the last line when no line looks like an error, and says so when there is no output', () => {
    expect(firstErrorLine('one\ntwo\n')).toBe('two');
    expect(firstErrorLine('')).toBe('no output');
  });
});

describe('electronMissingLine', () => {
  const missing = { found: false as const, expected: null, reason: 'path.txt is missing' };

  it('is one line naming what is missing, why, that the browser opens instead, and how to get the window', () => {
    const text = electronMissingLine(missing, { attempted: true, ok: false, detail: 'HTTP 404' });
    expect(text).not.toContain('\n');
    expect(text).toContain('Electron executable is missing (path.txt is missing)');
    expect(text).toContain('downloading it once just now failed (HTTP 404)');
    expect(text).toContain('opens in your browser instead');
    expect(text).toContain('node node_modules/electron/install.js');
  });

  it('says why no download was tried', () => {
    const text = electronMissingLine(missing, { attempted: false, reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' });
    expect(text).toContain('no download was tried (ELECTRON_SKIP_BINARY_DOWNLOAD is set)');
  });
});
