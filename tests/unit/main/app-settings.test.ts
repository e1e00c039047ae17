import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppSettingsFile } from '../../../electron/main/settings/app-settings';

let folder: string;
let file: string;
let warnings: string[];
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'settings-'));
  file = path.join(folder, 'settings.json');
  warnings = [];
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const open = () => new AppSettingsFile(file, (message) => warnings.push(message));

describe('AppSettingsFile', () => {
  it('checks for updates by default, without writing anything', () => {
    expect(open().settings).toEqual({ checkForUpdates: true });
    expect(warnings).toEqual([]);
  });

  it('keeps a change for the next start', () => {
    open().update({ checkForUpdates: false });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ checkForUpdates: false });
    expect(open().settings).toEqual({ checkForUpdates: false });
  });

  it('reports a file that is not JSON, uses the defaults, and keeps the file before replacing it', () => {
    writeFileSync(file, '{ "checkForUpdates": fals');
    const settings = open();
    expect(settings.settings).toEqual({ checkForUpdates: true });
    expect(warnings).toEqual([expect.stringMatching(/settings\.json is not valid JSON \(.+\): using the default settings until a setting is changed\.$/)]);
    settings.update({ checkForUpdates: false });
    expect(readFileSync(path.join(folder, 'settings.invalid.json'), 'utf8')).toBe('{ "checkForUpdates": fals');
    expect(open().settings).toEqual({ checkForUpdates: false });
  });

  it('names the field of a setting of the wrong type', () => {
    writeFileSync(file, '{ "checkForUpdates": "no" }');
    expect(open().settings).toEqual({ checkForUpdates: true });
    expect(warnings[0]).toContain('has invalid settings (checkForUpdates: ');
  });
});
