import { fork } from 'node:child_process';
import type { EngineEvent } from '../../../shared/protocol/engine-protocol';
import { engineEntry, type EntryPoint } from '../../engine/entry-points';
import type { EngineLauncher, EngineProcess } from './engine-launcher';
import { Listeners } from './listeners';

type EventCheck = (raw: unknown) => EngineEvent;

/**
 * The protocol's check of every message, loaded by the first launch instead of with this module: the CLI forks a
 * run's engine before it has loaded zod and the protocol's schemas, which then load while the engine boots.
 */
let eventCheck: Promise<EventCheck> | null = null;

function loadEventCheck(): Promise<EventCheck> {
  eventCheck ??= import('../../../shared/protocol/engine-protocol').then(
    ({ checkEngineEvent }) => checkEngineEvent,
    (error: unknown) => () => ({ type: 'failed', message: `the engine's messages cannot be checked: ${String(error)}` }),
  );
  return eventCheck;
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
      // Messages and the exit reach listeners in the order they came, once the check has loaded (in practice
      // long before the engine has booted and says anything).
      let check: EventCheck | null = null;
      const waiting: (() => void)[] = [];
      void loadEventCheck().then((loaded) => {
        check = loaded;
        for (const deliver of waiting.splice(0)) deliver();
      });
      const inOrder = (deliver: () => void) => (check === null ? waiting.push(deliver) : deliver());
      child.on('message', (raw) => inOrder(() => events.emit(check!(raw))));
      child.on('exit', (code, signal) => inOrder(() => exits.emit({ code, signal })));
      child.on('error', (error) => {
        if (child.pid === undefined) inOrder(() => events.emit({ type: 'failed', message: `could not start the engine process: ${error.message}` }));
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
