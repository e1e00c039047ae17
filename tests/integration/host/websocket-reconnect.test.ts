import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { RESTARTED_MESSAGE, WebSocketTransport, type ConnectionState } from '../../../renderer/api/websocket-transport';

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

let server: WebSocketServer | null = null;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = null;
});

/** A stand-in browser host on loopback: it sends `runProgress` events to every socket when told to. */
async function startServer(): Promise<{ port: number; sockets: Set<WebSocket>; broadcast: (done: number) => void }> {
  const sockets = new Set<WebSocket>();
  const started = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server = started;
  started.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => started.once('listening', resolve));
  const port = (started.address() as { port: number }).port;
  const broadcast = (done: number) => {
    const message = JSON.stringify({ type: 'events', events: [{ event: 'runProgress', payload: { done } }] });
    for (const socket of sockets) socket.send(message);
  };
  return { port, sockets, broadcast };
}

describe('the WebSocket transport when the connection drops', () => {
  it('says it is lost, reconnects by itself while events are listened to, and says it is back', async () => {
    const { port, sockets, broadcast } = await startServer();
    const transport = new WebSocketTransport(`ws://127.0.0.1:${port}/api`);
    const states: ConnectionState[] = [];
    transport.onConnectionChange((state) => states.push(state));
    const heard: unknown[] = [];
    const unsubscribe = transport.subscribe('runProgress', (payload) => heard.push(payload));

    await expect.poll(() => sockets.size).toBe(1);
    broadcast(1);
    await expect.poll(() => heard).toEqual([{ done: 1 }]);

    for (const socket of sockets) socket.terminate();
    await expect.poll(() => states).toEqual(['lost']);
    expect(transport.connection).toBe('lost');
    await expect.poll(() => states, { timeout: 5_000 }).toEqual(['lost', 'open']);
    await expect.poll(() => sockets.size).toBe(1);
    broadcast(2);
    await expect.poll(() => heard).toEqual([{ done: 1 }, { done: 2 }]);

    // With nothing listening, a drop is not retried: the next call opens the connection again.
    unsubscribe();
    for (const socket of sockets) socket.terminate();
    await expect.poll(() => states).toEqual(['lost', 'open', 'lost']);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(sockets.size).toBe(0);
  });

  it('stops retrying once a host answers but refuses the token (a restart with a new one), and says so once', async () => {
    const { port, sockets } = await startServer();
    let probes = 0;
    const transport = new WebSocketTransport(`ws://127.0.0.1:${port}/api`, async () => (probes++, 403));
    const states: ConnectionState[] = [];
    transport.onConnectionChange((state) => states.push(state));
    transport.subscribe('runProgress', () => undefined);
    await expect.poll(() => sockets.size).toBe(1);

    for (const socket of sockets) socket.terminate();
    await expect.poll(() => states).toEqual(['restarted']);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(sockets.size).toBe(0);
    expect(probes).toBe(1);
    const answer = await transport.call('runs.active', {});
    expect(answer.ok).toBe(false);
    expect(JSON.stringify(answer)).toContain(RESTARTED_MESSAGE);
    expect(states).toEqual(['restarted']);
  });
});
