import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { API_CALL_CHANNEL, API_EVENT_CHANNEL } from '../../../shared/api/api-transport';
import { createApiEndpoint } from '../../../electron/backend/api/api-endpoint';
import { ApiEventHub } from '../../../electron/backend/api/event-hub';
import { bridgeApi, type EventRecipient } from '../../../electron/main/ipc/api-bridge';
import { combineTransports } from '../../../electron/main/ipc/combine-transports';
import { type InvokeEvent, type InvokeRegistry, UntrustedSenderError } from '../../../electron/main/ipc/validated-ipc';
import { appLocation } from '../../../electron/main/security/app-location';

const app = appLocation(path.resolve('/opt/app/out/renderer/index.html'));
const appFrame = { url: app.indexFileUrl, parent: null };

/** Stands in for ipcMain: keeps the handlers and lets the test invoke them as a renderer would. */
class FakeIpc implements InvokeRegistry {
  readonly handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  async invoke(frame: InvokeEvent['senderFrame'], channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: frame }, ...args);
  }
}

class FakeWindow implements EventRecipient {
  readonly sent: unknown[][] = [];
  destroyed = false;
  constructor(public mainFrame: { url: string; parent: null }) {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
}

function setUp() {
  const events = new ApiEventHub();
  let served = 0;
  const transport = createApiEndpoint({ 'runs.active': () => (served++, []) }, events);
  const ipc = new FakeIpc();
  const windows = [new FakeWindow(appFrame)];
  const dispose = bridgeApi({ ipc, transport, app, events: ['runProgress', 'runFinished'], targets: () => windows });
  return { events, ipc, windows, dispose, served: () => served };
}

describe('the IPC bridge', () => {
  it('serves calls from the app page on one channel, with errors as data', async () => {
    const { ipc } = setUp();
    expect([...ipc.handlers.keys()]).toEqual([API_CALL_CHANNEL]);
    expect(await ipc.invoke(appFrame, API_CALL_CHANNEL, 'runs.active', {})).toEqual({ ok: true, result: [] });
    expect(await ipc.invoke(appFrame, API_CALL_CHANNEL, 'runs.active', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await ipc.invoke(appFrame, API_CALL_CHANNEL, 'shell.openExternal', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await ipc.invoke(appFrame, API_CALL_CHANNEL, 'history.get', { id: 1 })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });

  it('refuses calls from any other page, from a child frame and from a frame that is gone, before serving them', async () => {
    const { ipc, served } = setUp();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const senders = [
      { url: 'https://example.com/', parent: null },
      { url: app.indexFileUrl, parent: appFrame },
      { url: 'file:///etc/passwd', parent: null },
      null,
    ];
    for (const sender of senders) {
      await expect(ipc.invoke(sender, API_CALL_CHANNEL, 'runs.active', {})).rejects.toThrow(UntrustedSenderError);
    }
    expect(served()).toBe(0);
    expect(warn).toHaveBeenCalledTimes(senders.length);
    expect(warn).toHaveBeenCalledWith(`Refused an IPC call on "${API_CALL_CHANNEL}" from https://example.com/`);
    warn.mockRestore();
  });

  it('relays every contract event to the app windows only, and stops when taken down', () => {
    const { events, ipc, windows, dispose } = setUp();
    const away = new FakeWindow({ url: 'https://example.com/', parent: null });
    const closed = new FakeWindow(appFrame);
    closed.destroyed = true;
    windows.push(away, closed);
    const progress = { key: '1', runId: 1, done: 2, total: 4, inFlight: 2, elapsedMs: 10 };
    events.emit('runProgress', progress);
    expect(windows[0]!.sent).toEqual([[API_EVENT_CHANNEL, 'runProgress', progress]]);
    expect(away.sent).toEqual([]);
    expect(closed.sent).toEqual([]);

    dispose();
    events.emit('runProgress', progress);
    expect(windows[0]!.sent).toHaveLength(1);
    expect(ipc.handlers.size).toBe(0);
    expect(events.listenerCount('runProgress')).toBe(0);
  });
});

describe('combineTransports', () => {
  it('sends the desktop names to the desktop endpoint and everything else to the backend', async () => {
    const backendHub = new ApiEventHub();
    const desktopHub = new ApiEventHub();
    const backend = createApiEndpoint({ 'runs.active': () => [] }, backendHub);
    const desktop = createApiEndpoint({ 'experiments.list': () => [] }, desktopHub);
    const combined = combineTransports(
      { transport: desktop, methods: new Set(['experiments.list']), events: new Set(['runFinished']) },
      backend,
    );
    expect(await combined.call('experiments.list', {})).toEqual({ ok: true, result: [] });
    expect(await combined.call('runs.active', {})).toEqual({ ok: true, result: [] });
    expect(await combined.call('nope', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    combined.subscribe('runFinished', () => {});
    combined.subscribe('runProgress', () => {});
    expect(desktopHub.listenerCount('runFinished')).toBe(1);
    expect(backendHub.listenerCount('runFinished')).toBe(0);
    expect(backendHub.listenerCount('runProgress')).toBe(1);
  });
});
