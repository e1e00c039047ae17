import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkTaskColumns, type ColumnarRun } from '../../../shared/run/task-columns';
import { buildProjectCopy, ELECTRON_STUB_REGISTER, ELECTRON_VERSION, electronSqliteDriverPath, installStandInSqliteDriver } from './built-project';

type Report = { type: string; [key: string]: unknown };

/** The built main process (`out/main/index.js` of a fresh build) on the Electron stand-in, driven over IPC. */
class MainProcess {
  readonly reports: Report[] = [];
  readonly exited: Promise<number | null>;
  stderr = '';
  readonly #child: ChildProcess;
  #nextId = 0;
  readonly #waiters: { match: (report: Report) => boolean; resolve: (report: Report) => void }[] = [];

  constructor(project: string, dataDir: string) {
    this.#child = fork(path.join(project, 'out', 'main', 'index.js'), [], {
      execArgv: ['--import', pathToFileURL(ELECTRON_STUB_REGISTER).href],
      env: {
        PATH: process.env.PATH,
        STUB_ELECTRON_VERSION: ELECTRON_VERSION,
        STUB_APP_DATA: path.join(dataDir, 'app-data'),
        CONCURRENCY_EXPLORER_USER_DATA: path.join(dataDir, 'user-data'),
        CONCURRENCY_EXPLORER_DB: path.join(dataDir, 'runs.sqlite'),
      },
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.#child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.#child.on('message', (report: Report) => {
      this.reports.push(report);
      for (const waiter of [...this.#waiters]) {
        if (!waiter.match(report)) continue;
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve(report);
      }
    });
    this.exited = new Promise((resolve) => this.#child.on('exit', (code) => resolve(code)));
  }

  waitFor(match: (report: Report) => boolean): Promise<Report> {
    const seen = this.reports.find(match);
    return seen ? Promise.resolve(seen) : new Promise((resolve) => this.#waiters.push({ match, resolve }));
  }

  async #ask(message: Record<string, unknown>): Promise<Report> {
    const id = this.#nextId++;
    this.#child.send({ ...message, id });
    return this.waitFor((report) => report.type === 'result' && report.id === id);
  }

  /** `ipcRenderer.invoke(channel, ...args)` from a top-level frame showing `frameUrl`. */
  invoke(frameUrl: string, channel: string, ...args: unknown[]): Promise<Report> {
    return this.#ask({ type: 'invoke', channel, frameUrl, args });
  }

  /** The window's page asks to open a window (`open`) or to navigate (`will-navigate`). */
  contents(action: 'open' | 'will-navigate', url: string): Promise<Report> {
    return this.#ask({ type: 'contents', action, url });
  }

  stop(): void {
    this.#child.kill('SIGKILL');
  }
}

let project: string;
let dataDir: string;
let main: MainProcess | null = null;

beforeAll(() => {
  project = buildProjectCopy('built-main-');
}, 240_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));
afterEach(() => {
  main?.stop();
  main = null;
  rmSync(dataDir, { recursive: true, force: true });
});

function start(): MainProcess {
  dataDir = mkdtempSync(path.join(tmpdir(), 'built-main-data-'));
  main = new MainProcess(project, dataDir);
  return main;
}

describe('the built main process without its SQLite driver for Electron', () => {
  it('stops at start with one clear message, shown in an error box, and exit code 1', async () => {
    const app = start();
    expect(await app.exited).toBe(1);
    expect(app.stderr).toMatch(new RegExp(`^Concurrency Explorer cannot start: The SQLite driver built for Electron ${ELECTRON_VERSION.replaceAll('.', '\\.')} \\(better-sqlite3 `));
    expect(app.stderr).toContain('`npm run serve`');
    expect(app.stderr).not.toMatch(/\n\s+at /);
    expect(app.reports.find((report) => report.type === 'errorBox')).toMatchObject({ title: 'Concurrency Explorer cannot start' });
    expect(app.reports.some((report) => report.type === 'window')).toBe(false);
  });
});

describe('the built main process with its SQLite driver', () => {
  beforeAll(() => installStandInSqliteDriver(project));

  it('opens one sandboxed window on the app page, in the user data folder and database it is given', async () => {
    const app = start();
    const window = await app.waitFor((report) => report.type === 'window');
    expect(window.url).toBe(pathToFileURL(path.join(project, 'out', 'renderer', 'index.html')).href);
    expect((window.options as { webPreferences: unknown }).webPreferences).toMatchObject({
      preload: path.join(project, 'out', 'preload', 'index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(app.reports).toEqual(
      expect.arrayContaining([
        { type: 'setPath', name: 'userData', value: path.join(dataDir, 'user-data') },
        { type: 'setName', name: 'Concurrency Explorer' },
        { type: 'enableSandbox' },
        { type: 'permissions' },
        { type: 'csp' },
        { type: 'menu', labels: ['&File', '&Edit', '&View', '&Help'] },
      ]),
    );
    expect(existsSync(path.join(dataDir, 'runs.sqlite'))).toBe(true);
    expect(await app.contents('open', 'https://example.com/')).toMatchObject({ value: 'deny' });
    expect(await app.contents('will-navigate', 'https://example.com/')).toMatchObject({ value: 'prevented' });
    expect(await app.contents('will-navigate', String(window.url))).toMatchObject({ value: 'allowed' });
  });

  it('serves the API to the app page only', async () => {
    const app = start();
    const { url } = await app.waitFor((report) => report.type === 'window');
    const listed = await app.invoke(String(url), 'api:call', 'scenarios.list', {});
    expect(listed).toMatchObject({ ok: true, value: { ok: true, result: { saved: [] } } });
    const bad = await app.invoke(String(url), 'api:call', 'history.get', { id: 'one' });
    expect(bad).toMatchObject({ ok: true, value: { ok: false, error: { code: 'bad_request' } } });
    const foreign = await app.invoke('https://example.com/', 'api:call', 'scenarios.list', {});
    expect(foreign).toMatchObject({ ok: false, error: expect.stringContaining("only serves the app's own page") });
  });

  it('runs a scenario in an engine forked from the built engine, relays its events to the window and records it', async () => {
    const app = start();
    const { url } = await app.waitFor((report) => report.type === 'window');
    const scenario = {
      version: 1,
      name: 'workers and timers',
      strategy: { type: 'workers', threads: 2 },
      options: { threadpoolSize: 3 },
      tasks: [{ kind: 'cpu', count: 4, ms: 5 }, { kind: 'timer', count: 2, ms: 5 }],
    };
    const started = await app.invoke(String(url), 'api:call', 'runs.start', { scenario });
    expect(started).toMatchObject({ ok: true, value: { ok: true } });
    const { runId } = (started.value as { result: { runId: number } }).result;
    const isEvent = (name: string) => (report: Report) =>
      report.type === 'sent' && report.channel === 'api:event' && (report.args as unknown[])[0] === name;
    const finished = await app.waitFor(isEvent('runFinished'));
    expect((finished.args as unknown[])[1]).toMatchObject({ runId, status: 'completed', error: null });
    expect(app.reports.some(isEvent('runEvents'))).toBe(true);
    // The engine started ahead (libuv's default pool of 4) does not fit a pool of 3: the run's engine is a fresh one.
    const forkedWith = (size: string) => (report: Report) => report.type === 'fork' && (report.env as { UV_THREADPOOL_SIZE?: string }).UV_THREADPOOL_SIZE === size;
    expect(app.reports.find(forkedWith('4'))).toBeDefined();
    expect(await app.waitFor(forkedWith('3'))).toEqual({
      type: 'fork',
      modulePath: path.join(project, 'out', 'main', 'engine.js'),
      serviceName: 'Concurrency Explorer engine',
      env: {
        UV_THREADPOOL_SIZE: '3',
        CONCURRENCY_EXPLORER_SQLITE_BINDING: electronSqliteDriverPath(project),
      },
    });
    const detail = await app.invoke(String(url), 'api:call', 'history.get', { id: runId });
    const run = (detail.value as { result: { status: string; tasks: { status: string }[] } }).result;
    expect(run.status).toBe('completed');
    expect(run.tasks.map((task) => task.status)).toEqual(Array(6).fill('ok'));
    // The comparison's read runs on the built reader threads, with the Electron driver, not on the main thread; its
    // columns cross IPC as typed arrays.
    const columnar = await app.invoke(String(url), 'api:call', 'history.getColumnar', { id: runId });
    const { tasks } = (columnar.value as { result: ColumnarRun }).result;
    expect(Array.from(checkTaskColumns(tasks).index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(tasks.statuses).toEqual(['ok']);
    const exported = await app.invoke(String(url), 'api:call', 'history.export', { id: runId, format: 'json' });
    expect((exported.value as { result: { content: string } }).result.content).toContain('"format":"concurrency-explorer/run"');
    expect(app.stderr).not.toContain('Reading runs on worker threads failed');
  });
});
