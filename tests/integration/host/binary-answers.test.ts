import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { createBackend } from '../../../electron/backend/api/create-backend';
import { RunReadPool } from '../../../electron/backend/history';
import { RunService } from '../../../electron/backend/runs/run-service';
import { startHostServer, type HostServer } from '../../../electron/host/host-server';
import { WebSocketTransport } from '../../../renderer/api/websocket-transport';
import { createApiClient } from '../../../shared/api/api-client';
import { ApiError } from '../../../shared/api/api-error';
import { recordsFromArrays } from '../../../shared/run/task-columns';
import { syntheticRunExport } from '../../e2e/history/seed-history';
import { openTempStore } from '../../unit/history/fixtures';

const TASKS = 20_000;
let temp: ReturnType<typeof openTempStore>;
let pool: RunReadPool;
let host: HostServer;
let folder: string;
let runId: number;

beforeAll(async () => {
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
  temp = openTempStore();
  runId = temp.store.importRun(syntheticRunExport(1, { tasks: TASKS, createdAt: new Date().toISOString() }));
  pool = RunReadPool.start(temp.file);
  const noEngines = { launch: () => { throw new Error('no engine should start in these tests'); } };
  const backend = createBackend({ store: temp.store, runService: new RunService({ store: temp.store, launcher: noEngines }), runReads: pool });
  folder = await mkdtemp(join(tmpdir(), 'binary-answers-'));
  await writeFile(join(folder, 'index.html'), '<!doctype html><title>Concurrency Explorer</title>');
  host = await startHostServer({ backend, rendererDir: folder, bindAddress: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await host.close();
  await pool.close();
  temp.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe("a run's task columns over the browser host's WebSocket", () => {
  it('arrive as the typed arrays the store read, through the renderer\'s own transport', async () => {
    const api = createApiClient(new WebSocketTransport(`ws://127.0.0.1:${host.port}/api?token=${host.token}`));
    const run = await api.history.getColumnar({ id: runId });
    const stored = temp.store.getColumnarRun(runId)!;
    expect(run).toEqual(stored);
    expect(run.tasks.startMs).toBeInstanceOf(Float64Array);
    expect(recordsFromArrays(run.tasks)).toEqual(temp.store.getRun(runId)!.tasks);
    await expect(api.history.getColumnar({ id: runId + 1 })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('travel as one binary message, a fraction of the JSON of the records', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
    await new Promise((resolve) => socket.once('open', resolve));
    const answer = new Promise<{ data: Buffer; isBinary: boolean }>((resolve) => socket.once('message', (data, isBinary) => resolve({ data: data as Buffer, isBinary })));
    socket.send(JSON.stringify({ type: 'call', id: 1, method: 'history.getColumnar', args: { id: runId } }));
    const { data, isBinary } = await answer;
    socket.close();
    expect(isBinary).toBe(true);
    expect(data.byteLength / JSON.stringify(temp.store.getRun(runId)!.tasks).length).toBeLessThan(0.3);
    // Every other answer stays JSON text.
    const api = createApiClient(new WebSocketTransport(`ws://127.0.0.1:${host.port}/api?token=${host.token}`));
    expect((await api.history.list({})).total).toBe(1);
  });
});

describe('a binary answer the page cannot read', () => {
  /** A server that answers every call with `reply(id)`, for the renderer's transport to read. */
  async function answeringWith(reply: (id: number) => Buffer): Promise<{ url: string; close: () => Promise<void> }> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    server.on('connection', (socket) => socket.on('message', (data) => socket.send(reply((JSON.parse(data.toString()) as { id: number }).id))));
    const close = () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      });
    return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`, close };
  }

  /** A binary frame: the header's length, the header, padding to 8, then `body`. */
  function frame(header: string, body = Buffer.alloc(0)): Buffer {
    const json = Buffer.from(header);
    const start = Math.ceil((4 + json.byteLength) / 8) * 8;
    const bytes = Buffer.alloc(start + body.byteLength);
    bytes.writeUInt32LE(json.byteLength, 0);
    json.copy(bytes, 4);
    body.copy(bytes, start);
    return bytes;
  }

  async function failureOf(reply: (id: number) => Buffer): Promise<ApiError> {
    const server = await answeringWith(reply);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const api = createApiClient(new WebSocketTransport(server.url, async () => null));
      const error = await api.history.getColumnar({ id: 1 }).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(log).toHaveBeenCalledWith((error as ApiError).message);
      return error as ApiError;
    } finally {
      log.mockRestore();
      await server.close();
    }
  }

  it('fails the call it answers with the reason', async () => {
    const header = (id: number) =>
      JSON.stringify({
        message: { type: 'response', id, response: { ok: true, result: { times: null } } },
        arrays: [{ path: ['response', 'result', 'times'], type: 'Float64Array', length: 2 }],
      });
    const error = await failureOf((id) => frame(header(id), Buffer.alloc(8)));
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/^The backend's answer could not be read: A binary message ends at byte \d+, before the 2 values of its Float64Array at response\.result\.times/);
  });

  it('fails the calls waiting when it cannot tell which it answers', async () => {
    const error = await failureOf(() => frame('{"message": {"type": "response", "id": '));
    expect(error.message).toMatch(/^The backend's answer could not be read: A binary message's header is not JSON: /);
  });
});
