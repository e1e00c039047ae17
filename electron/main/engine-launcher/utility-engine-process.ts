import { checkEngineEvent, type EngineEvent, type ParentToEngine } from '../../../shared/protocol/engine-protocol';
import type { EngineProcess } from '../../backend/runs/engine-launcher';
import { Listeners } from '../../backend/runs/listeners';

/** The part of Electron's `UtilityProcess` an engine process needs (a plain child stands in for it in tests). */
export interface UtilityProcessLike {
  readonly pid: number | undefined;
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): this;
  on(event: 'exit', listener: (code: number) => void): this;
  kill(): boolean;
}

/**
 * An `EngineProcess` over a utility process: every message it sends is checked against the protocol (a
 * malformed one reaches listeners as a `failed` event), and an exit after `kill()` reports a null code,
 * as a signal does for a forked child.
 */
export function utilityEngineProcess(child: UtilityProcessLike): EngineProcess {
  const events = new Listeners<EngineEvent>();
  const exits = new Listeners<number | null>();
  let killed = false;
  let exited = false;
  child.on('message', (raw) => events.emit(checkEngineEvent(raw)));
  child.on('exit', (code) => {
    exited = true;
    exits.emit(killed ? null : code);
  });
  return {
    get pid() {
      return child.pid;
    },
    send: (message: ParentToEngine) => {
      // A message to an engine that has already gone is moot: its exit reaches onExit.
      if (!exited) child.postMessage(message);
    },
    onEvent: (listener) => events.add(listener),
    onExit: (listener) => exits.add((code) => listener(code, null)),
    kill: () => {
      if (exited) return;
      killed = true;
      child.kill();
    },
  };
}
