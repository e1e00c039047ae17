import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect as connectTcp, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createApiEndpoint } from '../../../electron/backend/api/api-endpoint';
import { ApiEventHub } from '../../../electron/backend/api/event-hub';
import { startHostServer, type HostServer } from '../../../electron/host/host-server';
import type { WsServerMessage } from '../../../shared/api/ws-protocol';
import { createApiClient } from '../../../shared/api/api-client';
import { ApiError } from '../../../shared/api/api-error';
import { WebSocketTransport } from '../../../renderer/api/websocket-transport';

let folder: string;
let host: HostServer;
const hub = new ApiEventHub();

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens the API socket; resolves with the socket, or with the HTTP status the upgrade was refused with. */
function connect(query: string, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api${query}`, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('error', reject);
  });
}

function nextMessages(socket: WebSocket, count: number): Promise<WsServerMessage[]> {
  return new Promise((resolve) => {
    const messages: WsServerMessage[] = [];
    const onMessage = (data: WebSocket.RawData) => {
      messages.push(JSON.parse(data.toString()) as WsServerMessage);
      if (messages.length === count) {
        socket.off('message', onMessage);
        resolve(messages);
      }
    };
    socket.on('message', onMessage);
  });
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'host-server-'));
  await mkdir(join(folder, 'assets'));
  await writeFile(join(folder, 'index.html'), '<!doctype html><title>Concurrency Explorer</title>');
  await writeFile(join(folder, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(tmpdir(), 'host-server-secret.txt'), 'secret');
  const backend = createApiEndpoint({ 'experiments.get': ({ id }) => ({ id, kind: 'repeat', name: 'x', params: null, createdAt: '', runIds: [] }) }, hub);
  host = await startHostServer({ backend, rendererDir: folder, bindAddress: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await host.close();
  await rm(folder, { recursive: true, force: true });
});

describe('the browser host over HTTP', () => {
  it('prints a loopback URL with a long random token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{40,}$`));
  });

  it('serves the page with the token, with a CSP and an HttpOnly SameSite=Strict cookie', async () => {
    const reply = await get(`/?token=${host.token}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Concurrency Explorer</title>');
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    const cookie = String(reply.headers['set-cookie']);
    expect(cookie).toContain(`=${host.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
  });

  it('serves assets with the cookie instead of the query', async () => {
    const cookie = String(((await get(`/?token=${host.token}`)).headers['set-cookie'] as string[])[0]).split(';')[0]!;
    const reply = await get('/assets/app.js', { cookie });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toContain('text/javascript');
  });

  it('refuses a missing token with 401 and a wrong one with 403', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get('/assets/app.js')).status).toBe(401);
    expect((await get('/?token=guess')).status).toBe(403);
    expect((await get('/', { cookie: `concurrency_explorer_token_${host.port}=guess` })).status).toBe(403);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin even with the right token', async () => {
    const rebinding = await get(`/?token=${host.token}`, { host: `attacker.example:${host.port}` });
    expect(rebinding.status).toBe(403);
    expect(rebinding.body).toContain('attacker.example');
    expect((await get(`/?token=${host.token}`, { host: `localhost:${host.port + 1}` })).status).toBe(403);
    expect((await get(`/?token=${host.token}`, { origin: 'http://attacker.example' })).status).toBe(403);
    expect((await get(`/?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('answers request targets a URL cannot hold without crashing, and keeps serving', async () => {
    const expected = { '//[': '404 Not Found', 'http://evil.example/': '400 Bad Request', '*': '400 Bad Request' };
    for (const [target, status] of Object.entries(expected)) {
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = connectTcp(host.port, '127.0.0.1', () => {
          socket.write(`GET ${target}?token=${host.token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`);
        });
        let data = '';
        socket.setEncoding('utf8').on('data', (chunk: string) => (data += chunk));
        socket.on('close', () => resolve(data));
        socket.on('error', reject);
      });
      expect(reply.split('\r\n')[0]).toBe(`HTTP/1.1 ${status}`);
    }
    expect((await get(`/?token=${host.token}`)).status).toBe(200);
  });

  it('serves nothing outside the renderer folder and only GET and HEAD', async () => {
    for (const path of ['/%2e%2e/host-server-secret.txt', '/..%2fhost-server-secret.txt', '/assets/%2e%2e/%2e%2e/x', '/nothing.js']) {
      expect((await get(`${path}?token=${host.token}`)).status).toBe(404);
    }
    expect((await get(`/?token=${host.token}`, {}, 'POST')).status).toBe(405);
  });
});

describe('the browser host over WebSocket', () => {
  const origin = () => `http://127.0.0.1:${host.port}`;

  it('refuses the upgrade without the token, with a wrong one, from a foreign Host or Origin', async () => {
    expect(await connect('', { origin: origin() })).toBe(401);
    expect(await connect('?token=guess', { origin: origin() })).toBe(403);
    expect(await connect(`?token=${host.token}`, { origin: 'http://attacker.example' })).toBe(403);
    expect(await connect(`?token=${host.token}`, { host: `rebound.example:${host.port}` })).toBe(403);
  });

  it('answers calls, and refuses bad payloads and unknown methods with clear errors', async () => {
    const socket = (await connect(`?token=${host.token}`, { origin: origin() })) as WebSocket;
    const replies = nextMessages(socket, 4);
    socket.send(JSON.stringify({ type: 'call', id: 1, method: 'experiments.get', args: { id: 5 } }));
    socket.send(JSON.stringify({ type: 'call', id: 2, method: 'experiments.get', args: { id: 'five' } }));
    socket.send(JSON.stringify({ type: 'call', id: 3, method: 'system.shutdown', args: {} }));
    socket.send('{not json');
    const byId = new Map<unknown, WsServerMessage>((await replies).map((m) => [m.type === 'response' ? m.id : m.type, m]));
    expect(byId.get(1)).toMatchObject({ response: { ok: true, result: { id: 5 } } });
    expect(byId.get(2)).toMatchObject({ response: { ok: false, error: { code: 'bad_request', problems: [{ path: 'id' }] } } });
    expect(byId.get(3)).toMatchObject({ response: { ok: false, error: { code: 'unknown_method' } } });
    expect(byId.get('protocolError')).toMatchObject({ error: { code: 'bad_request', message: expect.stringContaining('not valid JSON') } });
    socket.close();
  });

  it('survives a client that breaks the WebSocket protocol', async () => {
    const socket = (await connect(`?token=${host.token}`, { origin: origin() })) as WebSocket;
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const closed = new Promise((resolve) => socket.once('close', resolve));
    // An unmasked text frame: clients must mask theirs, so the server refuses it and drops the connection.
    (socket as unknown as { _socket: Socket })._socket.write(Buffer.from([0x81, 0x02, 0x68, 0x69]));
    await closed;
    log.mockRestore();
    const again = (await connect(`?token=${host.token}`, { origin: origin() })) as WebSocket;
    expect(again.readyState).toBe(WebSocket.OPEN);
    again.close();
  });

  it('sends events in batches, in order, not one message per event', async () => {
    const socket = (await connect(`?token=${host.token}`, { origin: origin() })) as WebSocket;
    const received: number[] = [];
    let messages = 0;
    const allHeard = new Promise<void>((resolve) => {
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString()) as WsServerMessage;
        if (message.type !== 'events') return;
        messages += 1;
        for (const { payload } of message.events) received.push((payload as { done: number }).done);
        if (received.length === 500) resolve();
      });
    });
    for (let done = 0; done < 500; done += 1) {
      hub.emit('runProgress', { key: 'k', runId: null, done, total: 500, inFlight: 0, elapsedMs: done });
    }
    await allHeard;
    expect(received).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(messages).toBeLessThanOrEqual(3);
    socket.close();
  });

  it("serves the renderer's typed client, and a refused connection is an unavailable ApiError", async () => {
    (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
    const api = createApiClient(new WebSocketTransport(`ws://127.0.0.1:${host.port}/api?token=${host.token}`));
    await expect(api.experiments.get({ id: 9 })).resolves.toMatchObject({ id: 9 });
    const refused = createApiClient(new WebSocketTransport(`ws://127.0.0.1:${host.port}/api?token=wrong`));
    const error = await refused.experiments.get({ id: 9 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('unavailable');
  });

  it('stops sending events to a socket once it is closed', async () => {
    const ownHub = new ApiEventHub();
    const own = await startHostServer({ backend: createApiEndpoint({}, ownHub), rendererDir: folder, bindAddress: '127.0.0.1', port: 0 });
    try {
      const socket = new WebSocket(`ws://127.0.0.1:${own.port}/api?token=${own.token}`);
      await new Promise((resolve) => socket.once('open', resolve));
      await expect.poll(() => ownHub.listenerCount('runProgress')).toBe(1);
      socket.close();
      await expect.poll(() => ownHub.listenerCount('runProgress')).toBe(0);
    } finally {
      await own.close();
    }
  });
});
