import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/api-error';
import { requireRuntime } from '../../../electron/backend/runtimes/require-runtime';
import { detectRuntime, detectRuntimes } from '../../../electron/backend/runtimes/runtime-registry';
import { RunnerProcess } from '../../../electron/backend/runtimes/runner-process';
import type { RuntimeRunner } from '../../../electron/backend/runtimes/runtime-runner';
import type { EngineEvent } from '../../../shared/protocol/engine-protocol';

const run = promisify(execFile);

describe('runtime detection', () => {
  it('lists every runtime, Node first and always available', async () => {
    const runtimes = await detectRuntimes();
    expect(runtimes.map((r) => r.name)).toEqual(['node', 'python', 'go', 'java']);
    expect(runtimes[0]).toMatchObject({ available: true, version: process.versions.node, reason: null });
  });

  it('a toolchain variable naming no executable makes the runtime unavailable, saying what to install', async () => {
    const env = { ...process.env, CONCURRENCY_EXPLORER_PYTHON: '/nowhere/python3' };
    const status = await detectRuntime('python', env);
    expect(status).toMatchObject({ name: 'python', available: false, version: null });
    expect(status.reason).toMatch(/CONCURRENCY_EXPLORER_PYTHON names \/nowhere\/python3.*install Python 3\.9 or later/);
  });

  it('a run on a missing runtime is refused before it starts, with what to install', async () => {
    const env = { ...process.env, CONCURRENCY_EXPLORER_PYTHON: '/nowhere/python3' };
    const refusal = await requireRuntime('python', env).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).message).toMatch(/runs on Python, which is not available here: .*install Python/);
    await expect(requireRuntime('node', env)).resolves.toBeUndefined();
  });

  it('concurrency-explorer runtimes --json prints every runtime with name, available, version, path and reason', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'runtimes', '--json'], {
      env: { ...process.env, CONCURRENCY_EXPLORER_PYTHON: '/nowhere/python3' },
    });
    const { runtimes } = JSON.parse(stdout) as { runtimes: Record<string, unknown>[] };
    expect(runtimes.map((r) => Object.keys(r).sort())).toEqual(Array(4).fill(['available', 'name', 'path', 'reason', 'version']));
    expect(runtimes.find((r) => r.name === 'python')).toMatchObject({ available: false, path: null });
  });
});

/** A runner that is a Node one-liner: the launcher's checks, without any other toolchain. */
function fakeRunner(script: string): RuntimeRunner {
  return {
    name: 'python',
    source: 'python/runner.py',
    detect: async () => ({ name: 'python', available: true, version: '0', path: process.execPath, reason: null }),
    prepare: async () => ({ command: process.execPath, args: ['-e', script] }),
  };
}

function eventsOf(runner: RuntimeRunner): Promise<EngineEvent[]> {
  const events: EngineEvent[] = [];
  const process = new RunnerProcess(runner, globalThis.process.env, () => {});
  process.onEvent((event) => events.push(event));
  return new Promise((resolve) => process.onExit(() => resolve(events)));
}

describe('the runner launcher', () => {
  it('turns a line that is not JSON, or does not match the protocol, into failed', async () => {
    const events = await eventsOf(fakeRunner(`console.log('{"type":"ready","pid":1}'); console.log('oops'); console.log('{"type":"batch"}')`));
    expect(events[0]).toEqual({ type: 'ready', pid: 1 });
    expect(events.slice(1).map((e) => e.type)).toEqual(['failed', 'failed']);
    expect(events[1]?.type === 'failed' && events[1].message).toMatch(/not JSON: oops/);
    expect(events[2]?.type === 'failed' && events[2].message).toMatch(/malformed message/);
  });

  it('reports what a runner that died wrote on stderr', async () => {
    const events = await eventsOf(fakeRunner(`console.error('Traceback: boom'); process.exit(3)`));
    expect(events).toEqual([{ type: 'failed', message: expect.stringMatching(/exit code 3[\s\S]*Traceback: boom/) }]);
  });
});
