import { type ChildProcess, fork } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildProjectCopy, ELECTRON_STUB_REGISTER, ELECTRON_VERSION, electronSqliteDriverPath, installStandInSqliteDriver } from './built-project';

type Report = { type: string; [key: string]: unknown };

let project: string;
let resources: string;
const started: { child: ChildProcess; dataDir: string }[] = [];

beforeAll(() => {
  project = buildProjectCopy('update-check-');
  // The packaged app's resources: its Electron-ABI SQLite driver (the plain-Node build stands in for it here).
  installStandInSqliteDriver(project);
  resources = path.join(project, 'resources');
  const driver = electronSqliteDriverPath(project);
  mkdirSync(path.join(resources, 'electron-sqlite', ELECTRON_VERSION), { recursive: true });
  copyFileSync(driver, path.join(resources, 'electron-sqlite', ELECTRON_VERSION, path.basename(driver)));
}, 240_000);
afterAll(() => rmSync(project, { recursive: true, force: true }));
afterEach(() => {
  for (const { child, dataDir } of started.splice(0)) {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** The built main process on the Electron stand-in, as the packaged app or not, with `settings` as its settings.json. */
function startApp(options: { packaged: boolean; settings?: string }) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'update-check-data-'));
  const userData = path.join(dataDir, 'user-data');
  if (options.settings !== undefined) {
    mkdirSync(userData, { recursive: true });
    writeFileSync(path.join(userData, 'settings.json'), options.settings);
  }
  const child = fork(path.join(project, 'out', 'main', 'index.js'), [], {
    execArgv: ['--import', pathToFileURL(ELECTRON_STUB_REGISTER).href],
    env: {
      PATH: process.env.PATH,
      STUB_ELECTRON_VERSION: ELECTRON_VERSION,
      STUB_APP_DATA: path.join(dataDir, 'app-data'),
      STUB_PACKAGED: options.packaged ? '1' : '0',
      STUB_RESOURCES_PATH: resources,
      CONCURRENCY_EXPLORER_USER_DATA: userData,
      // On Linux electron-updater only updates an AppImage, which says where it is in APPIMAGE.
      APPIMAGE: path.join(dataDir, 'concurrency-explorer.AppImage'),
    },
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  started.push({ child, dataDir });
  const app = {
    reports: [] as Report[],
    stdout: '',
    /** Calls an API method as the app's page does, to show the app still serves it. */
    ask: async (method: string) => {
      const window = app.reports.find((report) => report.type === 'window')!;
      child.send({ type: 'invoke', id: 1, channel: 'api:call', frameUrl: window.url, args: [method, {}] });
      await until(() => app.reports.some((report) => report.type === 'result'));
      return app.reports.find((report) => report.type === 'result');
    },
  };
  child.stdout!.on('data', (chunk: Buffer) => (app.stdout += chunk.toString()));
  child.on('message', (report: Report) => app.reports.push(report));
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  return { app, until };
}

const UPDATE_CHECK_LOG = 'Update check failed (the app works on as it is)';

describe('the update check at start', () => {
  it('is made by the packaged app: it loads electron-updater, whose failure here (no feed) only ends up in the log', async () => {
    const { app, until } = startApp({ packaged: true });
    await until(() => app.stdout.includes(UPDATE_CHECK_LOG));
    expect(app.reports.some((report) => report.type === 'window')).toBe(true);
    expect(app.reports.some((report) => report.type === 'required')).toBe(true);
    expect(await app.ask('scenarios.list')).toMatchObject({ ok: true, value: { ok: true } });
  });

  it.each([
    ['the packaged app with checks turned off', { packaged: true, settings: '{ "checkForUpdates": false }' }],
    ['the app in development', { packaged: false }],
  ])('is never made by %s: electron-updater is not even loaded', async (_name, options) => {
    const { app, until } = startApp(options);
    await until(() => app.reports.some((report) => report.type === 'window'));
    // The decision is taken before the window opens and nothing loads the updater later: give a check time to show.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(app.reports.some((report) => report.type === 'required')).toBe(false);
    expect(app.stdout).not.toContain(UPDATE_CHECK_LOG);
  });
});
