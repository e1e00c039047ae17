import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { connectToParent } from '../../../electron/engine/channel/parent-channel';

/** Stands in for Electron's `process.parentPort` in a utilityProcess. */
class FakeParentPort extends EventEmitter {
  readonly posted: unknown[] = [];
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
}

const processWithPort = process as unknown as { parentPort?: FakeParentPort };

describe('connectToParent under a utilityProcess', () => {
  afterEach(() => {
    delete processWithPort.parentPort;
  });

  it('posts events on process.parentPort and unwraps the data of its messages', async () => {
    const port = new FakeParentPort();
    processWithPort.parentPort = port;
    const channel = connectToParent();
    const received: unknown[] = [];
    channel.onMessage((message) => received.push(message));

    channel.send({ type: 'ready', pid: 42 });
    port.emit('message', { data: { type: 'cancel' } });
    await channel.flushed();

    expect(port.posted).toEqual([{ type: 'ready', pid: 42 }]);
    expect(received).toEqual([{ type: 'cancel' }]);
  });
});
