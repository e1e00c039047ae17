import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../../shared/api/api-client';
import { ApiError } from '../../../shared/api/api-error';
import { MAX_SCENARIO_TEXT_CHARS } from '../../../shared/api/scenario-methods';
import { createBackend } from '../../../electron/backend/api/create-backend';
import type { HistoryStore } from '../../../electron/backend/history';
import { RunService } from '../../../electron/backend/runs/run-service';
import { createDesktopApi, type DesktopApi } from '../../../electron/main/desktop-api';
import type { FileChooser } from '../../../electron/main/dialogs/file-chooser';
import { UpdateController } from '../../../electron/main/updates/update-controller';
import { makeMetrics, makeSamples, makeScenario, makeTasks, openTempStore } from '../../unit/history/fixtures';

/** Stands in for the native dialogs: answers with the next path the test queued (null: the user cancels). */
class ScriptedChooser implements FileChooser {
  readonly answers: (string | null)[] = [];
  readonly asked: { kind: 'open' | 'save'; title: string; defaultFileName?: string; extensions: string[] }[] = [];
  async chooseFileToOpen(options: { title: string; filters: { extensions: string[] }[] }) {
    this.asked.push({ kind: 'open', title: options.title, extensions: options.filters.flatMap((f) => f.extensions) });
    return this.answers.shift() ?? null;
  }
  async chooseFileToSave(options: { title: string; defaultFileName: string; filters: { extensions: string[] }[] }) {
    this.asked.push({ kind: 'save', title: options.title, defaultFileName: options.defaultFileName, extensions: options.filters.flatMap((f) => f.extensions) });
    return this.answers.shift() ?? null;
  }
}

const noEngines = { launch: () => { throw new Error('no engine should start in these tests'); } };

let temp: ReturnType<typeof openTempStore>;
let dir: string;
let chooser: ScriptedChooser;
let updates: UpdateController;
let installs: string[];
let desktop: DesktopApi;
let api: ApiClient;

beforeEach(() => {
  temp = openTempStore();
  dir = mkdtempSync(path.join(tmpdir(), 'dialogs-'));
  chooser = new ScriptedChooser();
  installs = [];
  // A fake feed with version 2.0.0 on offer: the desktop API's update methods over the real controller.
  const feed = { check: async () => ({ version: '2.0.0' }), download: async () => {}, quitAndInstall: () => installs.push('2.0.0') };
  updates = new UpdateController({ createFeed: () => feed, onReady: (version) => desktop.emitUpdateReady(version), log: () => {} });
  const backend = createBackend({ store: temp.store, runService: new RunService({ store: temp.store, launcher: noEngines }) });
  desktop = createDesktopApi(backend, chooser, updates);
  api = createApiClient(desktop.transport);
});
afterEach(() => {
  temp.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function recordRun(store: HistoryStore): number {
  const id = store.createRun({ scenario: makeScenario(), name: 'recorded' });
  const tasks = makeTasks(8);
  store.recordStarted(id, { startedAtEpochMs: Date.now(), totalTasks: 8, lanes: 4 });
  store.appendBatch(id, { finished: tasks, samples: makeSamples(3) });
  store.finishRun(id, { status: 'completed', metrics: makeMetrics(tasks) });
  return id;
}

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('dialogs.openScenario', () => {
  it('returns the chosen file as text (without a byte-order mark) with its folder, or null when the user cancels', async () => {
    const file = path.join(dir, 'pool.json');
    writeFileSync(file, '\uFEFF{"version": 1, "name": "Pool"}');
    chooser.answers.push(file, null);
    expect(await api.dialogs.openScenario()).toEqual({ fileName: 'pool.json', folder: path.resolve(dir), text: '{"version": 1, "name": "Pool"}' });
    expect(await api.dialogs.openScenario()).toBeNull();
    expect(chooser.asked[0]).toMatchObject({ kind: 'open', title: 'Open Scenario', extensions: ['json', '*'] });
  });

  it("chooses a module's or a database's file, as an absolute path, with filters for each", async () => {
    chooser.answers.push(path.join(dir, 'fetch-user.mjs'), path.join(dir, 'app.db'), null);
    expect(await api.dialogs.chooseTaskFile({ purpose: 'module' })).toEqual({ path: path.join(path.resolve(dir), 'fetch-user.mjs') });
    expect(await api.dialogs.chooseTaskFile({ purpose: 'database' })).toEqual({ path: path.join(path.resolve(dir), 'app.db') });
    expect(await api.dialogs.chooseTaskFile({ purpose: 'module' })).toBeNull();
    expect(chooser.asked.slice(-3)).toMatchObject([
      { kind: 'open', title: 'Choose Your Module', extensions: ['mjs', 'js', 'mts', 'ts', '*'] },
      { kind: 'open', title: 'Choose Your Database', extensions: ['db', 'sqlite', 'sqlite3', '*'] },
      { kind: 'open', title: 'Choose Your Module' },
    ]);
  });

  it('refuses a binary file, a folder, a missing file and a file that is far too long, each naming the file', async () => {
    const binary = path.join(dir, 'picture.png');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0xc3]));
    const huge = path.join(dir, 'huge.json');
    writeFileSync(huge, Buffer.alloc(MAX_SCENARIO_TEXT_CHARS * 4 + 1, 0x20));
    const folder = path.join(dir, 'folder.json');
    mkdirSync(folder);
    const expectations: [string, RegExp][] = [
      [binary, /^picture\.png is not a text file \(it is not UTF-8\), so it cannot be a scenario\.$/],
      [huge, /^huge\.json is too large for a scenario \(at most 1,000,000 characters\)\.$/],
      [folder, /^folder\.json is not a file\.$/],
      [path.join(dir, 'gone.json'), /^Could not read gone\.json: ENOENT/],
    ];
    for (const [file, message] of expectations) {
      chooser.answers.push(file);
      const error = await apiError(api.dialogs.openScenario());
      expect(error.code).toBe('bad_request');
      expect(error.message).toMatch(message);
    }
  });
});

describe('dialogs.exportRun and dialogs.importRun', () => {
  it('exports a run to the chosen file and imports it back as a new run', async () => {
    const id = recordRun(temp.store);
    const exported = await api.history.export({ id, format: 'json' });
    const target = path.join(dir, 'run.json');
    chooser.answers.push(target, target);
    expect(await api.dialogs.exportRun({ id, format: 'json' })).toEqual({ path: target });
    expect(readFileSync(target, 'utf8')).toBe(exported.content);
    expect(chooser.asked[0]).toMatchObject({ kind: 'save', title: 'Export Run', defaultFileName: exported.fileName, extensions: ['json', '*'] });

    const imported = await api.dialogs.importRun();
    expect(imported).toEqual({ id: expect.any(Number), fileName: 'run.json' });
    expect(imported!.id).not.toBe(id);
    expect((await api.history.get({ id: imported!.id })).tasks).toEqual((await api.history.get({ id })).tasks);
  });

  it('offers the format’s file type, writes nothing when the user cancels, and asks nothing for a run that does not exist', async () => {
    const id = recordRun(temp.store);
    chooser.answers.push(null);
    expect(await api.dialogs.exportRun({ id, format: 'csv' })).toBeNull();
    expect(chooser.asked[0]).toMatchObject({ extensions: ['csv', '*'] });
    const missing = await apiError(api.dialogs.exportRun({ id: id + 100, format: 'json' }));
    expect(missing.code).toBe('not_found');
    expect(chooser.asked).toHaveLength(1);
  });

  it('says which file could not be written', async () => {
    const id = recordRun(temp.store);
    const target = path.join(dir, 'no-such-folder', 'run.csv');
    chooser.answers.push(target);
    const error = await apiError(api.dialogs.exportRun({ id, format: 'csv' }));
    expect(error.message).toMatch(new RegExp(`^Could not write ${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ENOENT`));
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a file that is not an exported run, listing the problems, and stores nothing', async () => {
    recordRun(temp.store);
    const file = path.join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify({ format: 'something-else', version: 1 }));
    chooser.answers.push(file);
    const error = await apiError(api.dialogs.importRun());
    expect(error.code).toBe('bad_request');
    expect(error.message).toMatch(/^scenario\.json: /);
    expect(error.problems.length).toBeGreaterThan(0);
    expect((await api.history.list({})).total).toBe(1);
  });

  it('validates the arguments like every other method', async () => {
    const error = await apiError(api.call('dialogs.exportRun', { id: -1, format: 'pdf' } as never));
    expect(error.code).toBe('bad_request');
    expect(error.problems.map((problem) => problem.path).sort()).toEqual(['format', 'id']);
    expect(chooser.asked).toHaveLength(0);
  });
});

describe('menu commands', () => {
  it('reach the subscribers of menuCommand, and only them', () => {
    const heard: unknown[] = [];
    const progress: unknown[] = [];
    const stop = api.onMenuCommand((payload) => heard.push(payload));
    api.onRunProgress((payload) => progress.push(payload));
    desktop.emitMenuCommand('openScenario');
    stop();
    desktop.emitMenuCommand('exportRun');
    expect(heard).toEqual([{ command: 'openScenario' }]);
    expect(progress).toEqual([]);
  });
});

describe('updates', () => {
  it('say nothing is waiting and refuse a restart before an update is downloaded', async () => {
    expect(await api.updates.status()).toEqual({ readyVersion: null });
    const error = await apiError(api.updates.restart());
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe('No update has been downloaded: there is nothing to restart into.');
    expect(installs).toEqual([]);
  });

  it('tell the renderer when an update is downloaded, report it waiting, and restart into it', async () => {
    const heard: unknown[] = [];
    api.onUpdateReady((payload) => heard.push(payload));
    await updates.start({ check: true });
    expect(heard).toEqual([{ version: '2.0.0' }]);
    expect(await api.updates.status()).toEqual({ readyVersion: '2.0.0' });
    expect(await api.updates.restart()).toBeNull();
    expect(installs).toEqual(['2.0.0']);
  });

  it('refuse arguments they do not take', async () => {
    expect((await apiError(api.call('updates.restart', { now: true } as never))).code).toBe('bad_request');
  });
});
