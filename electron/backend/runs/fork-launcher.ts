import { fork } from 'node:child_process';
import { EngineEventSchema, type EngineEvent } from '../../../shared/protocol/engine-protocol';
import { problemsToText, toProblems } from '../../../shared/validation/format-issues';
import { engineEntry, type EntryPoint } from '../../engine/entry-points';
import type { EngineLauncher, EngineProcess } from './engine-launcher';
import { Listeners } from './listeners';

function checkedEvent(raw: unknown): EngineEvent {
  const parsed = EngineEventSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  return { type: 'failed', message: `the engine sent a malformed message:\n${problemsToText(toProblems(parsed.error.issues, raw))}` };
}

/**
 * Starts engine processes with `child_process.fork` (the CLI, the browser host, tests): the engine's
 * TypeScript entry through tsx when running from source, the built `engine.js` otherwise. Each process
 * gets `UV_THREADPOOL_SIZE`; every message it sends is checked against the protocol, and a malformed one
 * reaches listeners as a `failed` event. `entry` is for tests that need a misbehaving engine.
 */
export function forkLauncher(entry: EntryPoint = engineEntry()): EngineLauncher {
  return {
    launch({ threadpoolSize }): EngineProcess {
      const { file, execArgv } = entry;
      const child = fork(file, [], {
        execArgv,
        env: { ...process.env, UV_THREADPOOL_SIZE: String(threadpoolSize) },
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      const events = new Listeners<EngineEvent>();
      const exits = new Listeners<{ code: number | null; signal: string | null }>();
      child.on('message', (raw) => events.emit(checkedEvent(raw)));
      child.on('exit', (code, signal) => exits.emit({ code, signal }));
      child.on('error', (error) => {
        if (child.pid === undefined) events.emit({ type: 'failed', message: `could not start the engine process: ${error.message}` });
      });
      return {
        pid: child.pid,
        send: (message) => {
          // A message to an engine that has already gone is moot: its exit reaches onExit.
          if (child.connected) child.send(message, () => {});
        },
        onEvent: (listener) => events.add(listener),
        onExit: (listener) => exits.add(({ code, signal }) => listener(code, signal)),
        kill: () => {
          child.kill('SIGKILL');
        },
      };
    },
  };
}
