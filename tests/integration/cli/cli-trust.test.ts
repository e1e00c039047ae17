import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../../electron/backend/history/process-alive';
import { CliFixture, STACK_LINE } from './cli-fixture';

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

  it('kill -9 of the CLI mid-run leaves no engine and no spawned process behind, even with the engine loop blocked', async () => {
    const pidFile = cli.file('pids');
    const scenario = {
      version: 1,
      name: 'Orphan maker',
      strategy: { type: 'all' },
      tasks: [
        { kind: 'spawn', count: 1, command: 'sh', args: ['-c', `sleep 60 & echo "$$ $!" > '${pidFile}'; wait`] },
        { kind: 'timer', count: 1, ms: 400 },
        { kind: 'cpu', count: 1, ms: 60_000 },
      ],
    };
    const file = await cli.writeJson('orphans.json', scenario);
    const { child, result } = cli.start(['run', file, '--allow-exec']);
    const [shell, sleeper] = await waitFor(() => {
      const text = existsSync(pidFile) ? readFileSync(pidFile, 'utf8').trim() : '';
      return text.split(' ').length === 2 ? text.split(' ').map(Number) : null;
    }, 'the spawned shell');
    const engine = parentOf(shell!);
    expect(parentOf(engine!)).toBe(child.pid);
    // The cpu task now blocks the engine's loop for a minute: only its watchdog thread can notice the parent's end.
    await sleep(800);
    child.kill('SIGKILL');
    await result;
    const alive = await waitFor(() => {
      const left = [engine!, shell!, sleeper!].filter(isProcessAlive);
      return left.length === 0 ? left : null;
    }, 'the engine and its children to end');
    expect(alive).toEqual([]);
    // The CLI's next start removes the scratch folder the killed one left.
    const next = await cli.run(['run', '--preset', 'sequential-vs-all', '--no-save']);
    expect(next.code).toBe(0);
    const leftovers = execFileSync('sh', ['-c', `ls /tmp/concurrency-explorer 2>/dev/null | grep '^run-${child.pid}-' || true`], { encoding: 'utf8' });
    expect(leftovers.trim()).toBe('');
  });
});
