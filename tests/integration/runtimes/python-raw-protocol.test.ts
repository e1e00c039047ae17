import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runnerSourcePath } from '../../../electron/backend/runtimes/runner-files';
import { RunnerEventSchema, type RunnerEvent } from '../../../shared/protocol/runner-protocol';
import { scenarioOn, toolchainOf } from './runtime-harness';

const { status, title } = await toolchainOf('python');

/** Speaks the runner protocol with runner.py directly: `structured` is a strategy the scenario schema gains elsewhere. */
async function runRaw(scenario: Record<string, unknown> & { tasks: unknown[] }): Promise<RunnerEvent[]> {
  const scratchDir = await mkdtemp(path.join(os.tmpdir(), 'python-raw-'));
  try {
    const child = spawn(status.path ?? 'python3', ['-u', runnerSourcePath('python/runner.py')], { stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdin.write(`${JSON.stringify({ type: 'start', scenario, scratchDir })}\n`);
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
    await new Promise((resolve) => child.on('close', resolve));
    return out
      .trim()
      .split('\n')
      // Checked against the protocol only where it already knows every kind the scenario uses (not yet `module`).
      .map((line) => {
        const raw = JSON.parse(line) as RunnerEvent;
        return scenario.tasks.some((group) => (group as { kind: string }).kind === 'module') ? raw : RunnerEventSchema.parse(raw);
      });
  } finally {
    await rm(scratchDir, { recursive: true, force: true });
  }
}

describe.skipIf(!status.available)(title, () => {
  it('structured (asyncio.TaskGroup) cancels the rest at the first failure: no orphans, the siblings end cancelled', async () => {
    const base = scenarioOn('python', {
      strategy: { type: 'all' },
      tasks: [
        { kind: 'timer', count: 1, ms: 30, failRate: 1 },
        { kind: 'timer', count: 4, ms: 2000 },
      ],
    });
    const events = await runRaw({ ...base, strategy: { type: 'structured' } });
    const records = events.flatMap((event) => (event.type === 'batch' ? event.finished : []));
    const finished = events.at(-1);
    expect(finished?.type).toBe('finished');
    expect(records.map((r) => r.status).sort()).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled', 'error']);
    expect(records.some((r) => r.orphaned)).toBe(false);
    expect(finished?.type === 'finished' ? finished.wallMs : Infinity).toBeLessThan(1000);
  });

  it("sqlite with database opens the user's database read-only: a query that writes is refused by SQLite, one that reaches another file by the guard, each naming the database", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'python-db-'));
    try {
      const database = path.join(dir, 'app.db');
      await new Promise((resolve, reject) =>
        spawn(status.path ?? 'python3', ['-c', `import sqlite3; c = sqlite3.connect(${JSON.stringify(database)}); c.execute("CREATE TABLE t (x)"); c.commit()`]).on('close', (code) =>
          code === 0 ? resolve(code) : reject(new Error(`exit ${code}`)),
        ),
      );
      const attach = `ATTACH '${path.join(dir, 'other.db')}' AS other`;
      const base = scenarioOn('python', { strategy: { type: 'allSettled' }, tasks: Array.from({ length: 4 }, () => ({ kind: 'sqlite', count: 1 })) });
      const events = await runRaw({
        ...base,
        tasks: [
          { ...base.tasks[0], sql: 'SELECT COUNT(*) FROM t', database },
          { ...base.tasks[1], sql: 'INSERT INTO t VALUES (1)', database },
          { ...base.tasks[2], sql: attach, database },
          { ...base.tasks[3], sql: attach },
        ],
      });
      const records = events.flatMap((event) => (event.type === 'batch' ? event.finished : [])).sort((a, b) => a.index - b.index);
      expect(records.map((r) => [r.status, r.error])).toEqual([
        ['ok', null],
        ['error', `SQLite refused to write: your database ${database} is opened read-only, and this query would change it (attempt to write a readonly database)`],
        ['error', `a sqlite task may only query the database it names, ${database} (opened read-only): ATTACH (it would open another database file) is not allowed`],
        ['error', 'a sqlite task may only query its own scratch database: ATTACH (it would open another database file) is not allowed'],
      ]);
      expect(existsSync(path.join(dir, 'other.db'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['pool', { type: 'pool', concurrency: 2 }],
    ['workers', { type: 'workers', threads: 2 }],
  ] as const)('module under %s: an async def that awaits, one that throws (message and line), one past its timeout', async (_name, strategy) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'python-module-'));
    try {
      const file = path.join(dir, 'fetch_user.py');
      await writeFile(
        file,
        'import asyncio\n\nasync def default(index, attempt, args):\n    await asyncio.sleep(args["ms"] / 1000)\n    if index == 1:\n        raise ValueError(f"no user {index}")\n',
      );
      const base = scenarioOn('python', { strategy: { type: 'allSettled' }, options: { timeoutMs: 300 }, tasks: [{ kind: 'timer', count: 2, ms: 1 }, { kind: 'timer', count: 1, ms: 1 }] });
      const events = await runRaw({
        ...base,
        strategy,
        tasks: [
          { kind: 'module', count: 2, failRate: 0, path: file, export: 'default', args: { ms: 20 } },
          { kind: 'module', count: 1, failRate: 0, path: file, export: 'default', args: { ms: 5000 } },
        ],
      });
      const records = events.flatMap((event) => (event.type === 'batch' ? event.finished : [])).sort((a, b) => a.index - b.index);
      expect(records.map((r) => [r.status, r.error])).toEqual([
        ['ok', null],
        ['error', 'ValueError: no user 1 (at fetch_user.py:6)'],
        ['timeout', expect.stringMatching(/timed out after 300 ms/)],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails the run, naming targetUrl, when http tasks call the built-in target and the start message has no targetUrl', async () => {
    const events = await runRaw(scenarioOn('python', { strategy: { type: 'all' }, tasks: [{ kind: 'http', count: 2, latencyMs: 5 }] }));
    expect(events.at(-1)).toEqual({
      type: 'failed',
      message: "the scenario has http tasks without a url, and the start message has no targetUrl (the built-in HTTP target's address)",
    });
    expect(events.some((event) => event.type === 'started')).toBe(false);
  });
});
