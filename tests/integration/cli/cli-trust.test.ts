import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../electron/backend/history';
import { makeRunExport, makeScenario as scenarioFixture } from '../../unit/history/fixtures';
import { CliFixture, STACK_LINE } from './cli-fixture';
import { isProcessAlive } from '../../../electron/backend/history/process-alive';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
let cli: CliFixture;
beforeAll(async () => {
  cli = await CliFixture.create();
});
afterAll(async () => {
  await cli.dispose();
});

function justTimers(marker: string, extra: object[] = []) {
  return {
    version: 1,
    name: 'Just timers',
    strategy: { type: 'all' },
    tasks: [{ kind: 'timer', count: 2, ms: 1 }, { kind: 'spawn', count: 1, command: 'sh', args: ['-c', `touch '${marker}'`] }, ...extra],
  };
}

/** The parent pid of `pid` (Linux /proc), or null once it has gone. */
function parentOf(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
  } catch {
    return null;
  }
}

async function waitFor<T>(probe: () => T | null | undefined, what: string): Promise<T> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const value = probe();
    if (value !== null && value !== undefined) return value;
    await sleep(50);
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('run FILE with your own module', () => {
  it('needs consent off a terminal, then loads the module relative to the scenario file, wherever the CLI runs', async () => {
    const folder = cli.file('own-code');
    mkdirSync(folder, { recursive: true });
    const marker = path.join(folder, 'called');
    writeFileSync(path.join(folder, 'task.mjs'), "import { appendFileSync } from 'node:fs';\nexport default async ({ index, args }) => appendFileSync(args.marker, `${index}\\n`);\n");
    const file = await cli.writeJson('own-code/scenario.json', { version: 1, name: 'Own code', strategy: { type: 'structured' }, tasks: [{ kind: 'module', count: 2, path: './task.mjs', args: { marker } }] });
    const refused = await cli.run(['run', file, '--no-save']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`tasks[0]: runs the code of ${path.join(folder, 'task.mjs')}`);
    expect(existsSync(marker)).toBe(false);
    const { code, stdout } = await cli.run(['run', file, '--allow-exec', '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { runs: { metrics: { ok: number } }[] }).runs[0]?.metrics.ok).toBe(2);
    expect(readFileSync(marker, 'utf8').trim().split('\n').sort()).toEqual(['0', '1']);
    expect((await cli.run(['show', '1'])).stdout).toContain(`folder: ${folder} (where its relative paths start)`);
  });
});

describe('run FILE that executes programs', () => {
  it('off a terminal, refuses with exit 2, lists each command and names --allow-exec; nothing runs', async () => {
    const marker = cli.file('ran-refused');
    const file = await cli.writeJson('exec.json', justTimers(marker));
    const { code, stdout, stderr } = await cli.run(['run', file, '--no-save']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`tasks[1]: sh -c 'touch '\\''${marker}'\\'''`);
    expect(stderr).toContain('--allow-exec');
    expect(stderr).not.toMatch(STACK_LINE);
    expect(existsSync(marker)).toBe(false);
  });

  it('runs with --allow-exec', async () => {
    const marker = cli.file('ran-allowed');
    const file = await cli.writeJson('exec-allowed.json', justTimers(marker));
    const { code } = await cli.run(['run', file, '--no-save', '--allow-exec']);
    expect(code).toBe(0);
    expect(existsSync(marker)).toBe(true);
  });

  /**
   * Runs `tasks` after a spawn whose shell starts a long sleep, kills the CLI with SIGKILL `settleMs` after the shell
   * is up, and expects the engine, the shell and the sleep all to end; gives the killed CLI's pid.
   */
  async function killMidRun(name: string, tasks: object[], settleMs: number): Promise<number> {
    const pidFile = cli.file(`pids-${name}`);
    const scenario = {
      version: 1,
      name: `Orphan maker, ${name}`,
      strategy: { type: 'all' },
      tasks: [{ kind: 'spawn', count: 1, command: 'sh', args: ['-c', `sleep 60 & echo "$$ $!" > '${pidFile}'; wait`] }, ...tasks],
    };
    const file = await cli.writeJson(`orphans-${name}.json`, scenario);
    const { child, result } = cli.start(['run', file, '--allow-exec']);
    const [shell, sleeper] = await waitFor(() => {
      const text = existsSync(pidFile) ? readFileSync(pidFile, 'utf8').trim() : '';
      return text.split(' ').length === 2 ? text.split(' ').map(Number) : null;
    }, 'the spawned shell');
    const engine = parentOf(shell!);
    expect(parentOf(engine!)).toBe(child.pid);
    await sleep(settleMs);
    child.kill('SIGKILL');
    await result;
    const alive = await waitFor(() => {
      const left = [engine!, shell!, sleeper!].filter(isProcessAlive);
      return left.length === 0 ? left : null;
    }, 'the engine and its children to end');
    expect(alive).toEqual([]);
    return child.pid!;
  }

  it('kill -9 of the CLI mid-run leaves no engine and no spawned process behind, even with the engine loop blocked', async () => {
    // The cpu task blocks the engine's loop for a minute once the timer has ended: only its watchdog thread can
    // notice the parent's end.
    const killed = await killMidRun('loop-blocked', [{ kind: 'timer', count: 1, ms: 400 }, { kind: 'cpu', count: 1, ms: 60_000 }], 800);
    // The CLI's next start removes the scratch folder the killed one left.
    const next = await cli.run(['run', '--preset', 'sequential-vs-all', '--no-save']);
    expect(next.code).toBe(0);
    const leftovers = execFileSync('sh', ['-c', `ls /tmp/concurrency-explorer 2>/dev/null | grep '^run-${killed}-' || true`], { encoding: 'utf8' });
    expect(leftovers.trim()).toBe('');
  });

  it('kill -9 of the CLI mid-run of tasks that never hold the loop (no watchdog thread) leaves no engine and no spawned process behind', async () => {
    await killMidRun('loop-free', [{ kind: 'timer', count: 1, ms: 60_000 }], 0);
  });
});

describe('a history that cannot be written', () => {
  /** Runs the CLI as a user who cannot write `db` (nobody, when the tests run as root). */
  function runAs(args: string[], db: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const asRoot = process.getuid?.() === 0;
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args, '--db', db], {
      cwd: REPO_ROOT,
      env: { ...process.env, HOME: tmpdir() },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
  }

  function lockedHistory(name: string): { folder: string; db: string } {
    const folder = cli.file(name);
    mkdirSync(folder);
    const db = path.join(folder, 'history.sqlite');
    const store = HistoryStore.open(db);
    store.createRun({ scenario: scenarioFixture() });
    store.close();
    chmodSync(cli.dir, 0o755);
    chmodSync(db, 0o444);
    return { folder, db };
  }

  it('a read-only file: says so at start with the path and what to do, reads, and refuses run and delete before starting', async () => {
    const { folder, db } = lockedHistory('locked-file');
    chmodSync(folder, 0o777);
    const before = readFileSync(db);
    try {
      const list = await runAs(['list', '--json'], db);
      expect(list.code).toBe(0);
      expect(list.stderr).toContain(`The history database ${db} is read-only`);
      expect(list.stderr).toContain('--db');
      const marker = cli.file('ran-in-read-only');
      const scenarioFile = await cli.writeJson('ro.json', justTimers(marker));
      chmodSync(scenarioFile, 0o644);
      for (const args of [['run', '--preset', 'sequential-vs-all'], ['run', scenarioFile, '--allow-exec'], ['delete', '1', '--yes']]) {
        const refused = await runAs(args, db);
        expect(refused.code, args.join(' ')).not.toBe(0);
        expect(refused.stderr).toContain('is read-only, so nothing was changed or started');
        expect(refused.stderr).not.toMatch(STACK_LINE);
      }
      expect(existsSync(marker)).toBe(false);
      expect(readFileSync(db).equals(before)).toBe(true);
    } finally {
      chmodSync(db, 0o644);
    }
  });

  it('a read-only folder: one clear message with the path and what to do, and the file unchanged', async () => {
    const { folder, db } = lockedHistory('locked-folder');
    chmodSync(folder, 0o555);
    const before = readFileSync(db);
    try {
      const { code, stderr } = await runAs(['list'], db);
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(
        `The history database ${db} is read-only, and its folder too, where SQLite cannot even read it: nothing was changed or started. Make the folder writable, or choose another database with --db.`,
      );
      expect(readFileSync(db).equals(before)).toBe(true);
    } finally {
      chmodSync(folder, 0o755);
      chmodSync(db, 0o644);
    }
  });
});

describe('--db pointed at another application\'s database', () => {
  it('exits 2 with one line naming the file, and changes not a byte', async () => {
    const db = cli.file('contacts.db');
    const other = new Database(db);
    other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada');");
    other.close();
    const before = readFileSync(db);
    for (const args of [['list'], ['run', '--preset', 'sequential-vs-all']]) {
      const { code, stdout, stderr } = await cli.run([...args, '--db', db]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toEqual([expect.stringContaining(`${db} is a SQLite database of another application`)]);
    }
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(existsSync(`${db}-wal`)).toBe(false);
  });
});

describe('control characters never reach the terminal', () => {
  const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

  it('an unknown field name that would set the terminal title is printed escaped', async () => {
    const file = await cli.writeJson('title.json', { version: 1, name: 'x', strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 1, ms: 1 }], '\u001b]0;pwned\u0007': 1 });
    const { code, stderr } = await cli.run(['run', file, '--no-save']);
    expect(code).toBe(2);
    expect(stderr).toContain('\\u001b]0;pwned\\u0007');
    expect(stderr).not.toMatch(RAW_CONTROL);
  });

  it('a run name and tag stored by another tool are printed escaped by list and show, and stay valid JSON', async () => {
    const db = cli.file('raw-names.sqlite');
    const store = HistoryStore.open(db);
    const id = store.createRun({ scenario: scenarioFixture() });
    store.close();
    const raw = new Database(db);
    raw.prepare("UPDATE runs SET name = ?, tags = ? WHERE id = ?").run('clear\u001b[2J\u001b[Hscreen', JSON.stringify(['\u009b31m']), id);
    raw.close();
    for (const args of [['list'], ['show', String(id)], ['list', '--json']]) {
      const { code, stdout } = await cli.run([...args, '--db', db]);
      expect(code).toBe(0);
      expect(stdout).toContain('clear\\u001b[2J\\u001b[Hscreen');
      expect(stdout).not.toMatch(RAW_CONTROL);
    }
    const { stdout } = await cli.run(['list', '--json', '--db', db]);
    expect(JSON.stringify(JSON.parse(stdout))).toContain('clear\\u001b[2J');
  });
});

describe('import FILE with many problems', () => {
  it('lists the first 50 with their paths, then counts the rest; a byte-order mark is no problem', async () => {
    const data = makeRunExport({}, 80);
    for (const task of data.run.tasks) task.queuedMs = task.startMs + 1;
    const file = cli.file('many-problems.json');
    writeFileSync(file, `\uFEFF${JSON.stringify(data)}`);
    const { code, stderr } = await cli.run(['import', file, '--db', cli.file('import-cap.sqlite')]);
    expect(code).toBe(2);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[0]).toBe(`${file}: run.tasks[0].queuedMs: must not be after startMs (${data.run.tasks[0]!.startMs}), got ${data.run.tasks[0]!.queuedMs}`);
    expect(lines[50]).toBe(`${file}: (and 30 more problems)`);
  });
});
