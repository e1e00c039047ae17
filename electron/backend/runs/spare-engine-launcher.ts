import type { EngineEvent } from '../../../shared/protocol/engine-protocol';
import type { EngineLauncher, EngineProcess } from './engine-launcher';
import { Listeners } from './listeners';

/** An `EngineLauncher` that keeps an engine started ahead of time; `close` ends the one waiting. */
export interface SpareEngineLauncher extends EngineLauncher {
  close(): void;
}

/** An engine started before anyone asked for it: what it said so far is kept for its first listener. */
class SpareEngine implements EngineProcess {
  readonly threadpoolSize: number;
  readonly #inner: EngineProcess;
  readonly #events = new Listeners<EngineEvent>();
  #said: EngineEvent[] | null = [];
  #exited = false;

  constructor(inner: EngineProcess, threadpoolSize: number) {
    this.#inner = inner;
    this.threadpoolSize = threadpoolSize;
    inner.onEvent((event) => {
      if (this.#said === null) this.#events.emit(event);
      else this.#said.push(event);
    });
    inner.onExit(() => (this.#exited = true));
  }

  get pid(): number | undefined {
    return this.#inner.pid;
  }

  get exited(): boolean {
    return this.#exited;
  }

  send: EngineProcess['send'] = (message) => this.#inner.send(message);
  onExit: EngineProcess['onExit'] = (listener) => this.#inner.onExit(listener);
  kill: EngineProcess['kill'] = () => this.#inner.kill();

  onEvent(listener: (event: EngineEvent) => void): () => void {
    const unsubscribe = this.#events.add(listener);
    const said = this.#said;
    if (said !== null) {
      this.#said = null;
      // After the caller has stored this process: the replayed `ready` makes it send `start` at once.
      queueMicrotask(() => {
        for (const event of said) listener(event);
      });
    }
    return unsubscribe;
  }
}

/**
 * Keeps one engine process started and waiting for its `start`, so that a run does not wait for a process
 * to boot and load the engine (most of the time from Run to the first task on the timeline). It is handed
 * out when its `UV_THREADPOOL_SIZE` (fixed at process start) is the one asked for, and the next spare starts
 * only when that run's engine has exited: booting a process beside a run would take CPU from the run it
 * measures. For hosts that serve many runs (the browser host, the desktop app), not for one CLI run.
 */
export function spareEngineLauncher(inner: EngineLauncher, options: { threadpoolSize: number }): SpareEngineLauncher {
  let spare: SpareEngine | null = null;
  let closed = false;
  const startSpare = (threadpoolSize: number) => {
    if (closed) return;
    spare = new SpareEngine(inner.launch({ threadpoolSize }), threadpoolSize);
  };
  startSpare(options.threadpoolSize);
  const launchTarget = inner.launchTarget?.bind(inner);
  return {
    ...(launchTarget === undefined ? {} : { launchTarget }),
    launch({ threadpoolSize }): EngineProcess {
      const ready = spare;
      spare = null;
      const engine = ready !== null && !ready.exited && ready.threadpoolSize === threadpoolSize ? ready : inner.launch({ threadpoolSize });
      if (engine !== ready) ready?.kill();
      engine.onExit(() => {
        if (spare === null) startSpare(threadpoolSize);
      });
      return engine;
    },
    close() {
      closed = true;
      spare?.kill();
      spare = null;
    },
  };
}
