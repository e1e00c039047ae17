import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/protocol/engine-protocol';
import type { EngineLauncher, EngineProcess } from '../../../electron/backend/runs/engine-launcher';
import { Listeners } from '../../../electron/backend/runs/listeners';
import { spareEngineLauncher } from '../../../electron/backend/runs/spare-engine-launcher';

/** A stand-in engine that says `ready` as soon as it is launched, as a real one does once it has booted. */
class FakeEngine implements EngineProcess {
  readonly events = new Listeners<EngineEvent>();
  readonly exits = new Listeners<number | null>();
  readonly sent: unknown[] = [];
  killed = false;
  constructor(
    readonly pid: number,
    readonly threadpoolSize: number,
  ) {}
  send = (message: unknown) => void this.sent.push(message);
  onEvent = (listener: (event: EngineEvent) => void) => this.events.add(listener);
  // A fake is never killed by a signal: it exits with the code alone.
  onExit = (listener: (code: number | null, signal: string | null) => void) => this.exits.add((code) => listener(code, null));
  kill = () => {
    this.killed = true;
    this.exits.emit(null);
  };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

function fakeLauncher(): EngineLauncher & { launched: FakeEngine[] } {
  const launched: FakeEngine[] = [];
  return {
    launched,
    launch({ threadpoolSize }) {
      const engine = new FakeEngine(launched.length + 1, threadpoolSize);
      launched.push(engine);
      queueMicrotask(() => engine.events.emit({ type: 'ready', pid: engine.pid }));
      return engine;
    },
  };
}

describe('spareEngineLauncher', () => {
  it('starts one engine ahead, hands it out with the ready it already said, and starts the next once that run has ended', async () => {
    const inner = fakeLauncher();
    const launcher = spareEngineLauncher(inner, { threadpoolSize: 4 });
    expect(inner.launched).toHaveLength(1);
    await settled();
    const engine = launcher.launch({ threadpoolSize: 4 });
    expect(engine.pid).toBe(1);
    const heard: EngineEvent[] = [];
    engine.onEvent((event) => heard.push(event));
    expect(heard).toEqual([]);
    await settled();
    expect(heard).toEqual([{ type: 'ready', pid: 1 }]);
    expect(inner.launched).toHaveLength(1);
    inner.launched[0]!.exits.emit(0);
    expect(inner.launched).toHaveLength(2);
    expect(launcher.launch({ threadpoolSize: 4 }).pid).toBe(2);
  });

  it('starts a fresh engine for another thread-pool size, ending the spare', () => {
    const inner = fakeLauncher();
    const launcher = spareEngineLauncher(inner, { threadpoolSize: 4 });
    const engine = launcher.launch({ threadpoolSize: 8 });
    expect(engine.pid).toBe(2);
    expect(inner.launched[0]!.killed).toBe(true);
    expect(inner.launched[1]!.threadpoolSize).toBe(8);
  });

  it('never hands out a spare that has died, and ends the waiting one on close', () => {
    const inner = fakeLauncher();
    const launcher = spareEngineLauncher(inner, { threadpoolSize: 4 });
    inner.launched[0]!.exits.emit(1);
    expect(launcher.launch({ threadpoolSize: 4 }).pid).toBe(2);
    inner.launched[1]!.exits.emit(0);
    launcher.close();
    expect(inner.launched[2]!.killed).toBe(true);
    inner.launched[2]!.exits.emit(null);
    expect(inner.launched).toHaveLength(3);
  });
});
