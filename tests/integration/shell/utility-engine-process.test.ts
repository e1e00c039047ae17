import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/protocol/engine-protocol';
import type { EngineProcess } from '../../../electron/backend/runs/engine-launcher';
import { engineEntry } from '../../../electron/engine/entry-points';
import { engineEnvironment } from '../../../electron/main/engine-launcher/engine-environment';
import { type UtilityProcessLike, utilityEngineProcess } from '../../../electron/main/engine-launcher/utility-engine-process';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const nodeSqliteBuild = path.join(projectRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

/**
 * A forked Node child behind the UtilityProcess surface (postMessage, 'message', 'exit' with a code, kill),
 * so that the adapter is exercised against the real engine where Electron cannot run.
 */
function forkAsUtility(file: string, execArgv: string[], env: Record<string, string>): UtilityProcessLike {
  const child = fork(file, [], { execArgv, env, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const shim: UtilityProcessLike = {
    get pid() {
      return child.pid;
    },
    postMessage: (message) => child.send(message as object),
    on(event: 'message' | 'exit', listener: (value: never) => void) {
      if (event === 'message') child.on('message', listener as (message: unknown) => void);
      else child.on('exit', (code, signal) => (listener as (code: number) => void)(code ?? (signal ? 137 : 0)));
      return shim;
    },
    kill: () => child.kill('SIGKILL'),
  };
  return shim;
}

function collect(engine: EngineProcess): Promise<{ events: EngineEvent[]; code: number | null }> {
  const events: EngineEvent[] = [];
  engine.onEvent((event) => events.push(event));
  return new Promise((resolve) => engine.onExit((code) => resolve({ events, code })));
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'utility-engine-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const scenario = {
  version: 1,
  name: 'timers and queries',
  strategy: { type: 'pool', concurrency: 2 },
  tasks: [
    { kind: 'timer', count: 4, ms: 5 },
    { kind: 'sqlite', count: 2, rows: 100 },
  ],
};

async function runEngine(sqliteBinding: string, scratchDir: string) {
  const entry = engineEntry();
  const engine = utilityEngineProcess(forkAsUtility(entry.file, entry.execArgv, engineEnvironment(process.env, { threadpoolSize: 2, sqliteBinding })));
  const outcome = collect(engine);
  engine.onEvent((event) => {
    if (event.type === 'ready') engine.send({ type: 'start', scenario, scratchDir } as never);
  });
  return outcome;
}

describe('an engine behind the utility-process adapter', () => {
  it('runs a scenario through the protocol, loading SQLite from the binding it is given', async () => {
    const { events, code } = await runEngine(nodeSqliteBuild, path.join(scratch, 'good'));
    const types = events.map((event) => event.type);
    expect(types[0]).toBe('ready');
    expect(types[1]).toBe('started');
    expect(types.at(-1)).toBe('finished');
    expect(types.slice(2, -1).every((type) => type === 'batch')).toBe(true);
    const finished = events.flatMap((event) => (event.type === 'batch' ? event.finished : []));
    expect(finished).toHaveLength(6);
    expect(finished.every((task) => task.status === 'ok')).toBe(true);
    expect(code).toBe(0);
  });

  it('hands the engine the SQLite binding through the environment (a missing one makes the queries fail)', async () => {
    const { events, code } = await runEngine(path.join(scratch, 'no-such-binding.node'), path.join(scratch, 'bad'));
    expect(events.map((event) => event.type)).toEqual(['ready', 'failed']);
    expect(events[1]).toMatchObject({ message: expect.stringContaining('no-such-binding.node') });
    expect(code).not.toBe(0);
  });

  it('turns a malformed message into a failed event', async () => {
    const script = path.join(scratch, 'rogue-engine.cjs');
    writeFileSync(script, "process.send({ type: 'batch', started: 'lots' }, () => process.exit(0));\n");
    const { events, code } = await collect(utilityEngineProcess(forkAsUtility(script, [], { PATH: process.env.PATH ?? '' })));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'failed', message: expect.stringContaining('the engine sent a malformed message') });
    expect(code).toBe(0);
  });

  it('reports a killed engine with a null exit code and ignores messages sent after its end', async () => {
    const script = path.join(scratch, 'idle-engine.cjs');
    writeFileSync(script, "process.send({ type: 'ready', pid: process.pid }); setInterval(() => {}, 1000);\n");
    const engine = utilityEngineProcess(forkAsUtility(script, [], { PATH: process.env.PATH ?? '' }));
    const outcome = collect(engine);
    await new Promise<void>((resolve) => engine.onEvent(() => resolve()));
    expect(engine.pid).toBeGreaterThan(0);
    engine.kill();
    const { code } = await outcome;
    expect(code).toBeNull();
    expect(() => engine.send({ type: 'cancel' })).not.toThrow();
    expect(() => engine.kill()).not.toThrow();
  });
});

describe('engineEnvironment', () => {
  it('sets the thread-pool size and the SQLite binding, and drops NODE_OPTIONS and ELECTRON_RUN_AS_NODE', () => {
    const env = engineEnvironment(
      { PATH: '/bin', NODE_OPTIONS: '--inspect', ELECTRON_RUN_AS_NODE: '1', UV_THREADPOOL_SIZE: '64', GONE: undefined },
      { threadpoolSize: 1, sqliteBinding: '/x/better_sqlite3.node' },
    );
    expect(env).toEqual({ PATH: '/bin', UV_THREADPOOL_SIZE: '1', CONCURRENCY_EXPLORER_SQLITE_BINDING: '/x/better_sqlite3.node' });
  });
});
