import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResponse } from '../../shared/api/api-error';
import { API_CALL_CHANNEL, API_EVENT_CHANNEL, PRELOAD_API_GLOBAL, type ApiTransport } from '../../shared/api/api-transport';
import { createEventRelay } from './event-relay';

// The page gets the API transport and nothing else: never ipcRenderer, never a Node module. The typed
// API (a function per method of the contract) is derived from this in the renderer, as for the browser.
const relay = createEventRelay();
ipcRenderer.on(API_EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => relay.dispatch(name, payload));

const transport: ApiTransport = {
  call: (method, args) => ipcRenderer.invoke(API_CALL_CHANNEL, String(method), args) as Promise<ApiResponse>,
  subscribe: (event, listener) => relay.subscribe(event, listener),
};

contextBridge.exposeInMainWorld(PRELOAD_API_GLOBAL, transport);
