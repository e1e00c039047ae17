// A stand-in for the parts of Electron the main process uses. It reports what the app does to the test
// (over the IPC channel of the forked process) and lets the test invoke IPC handlers as a page would.
// Utility processes are forked Node children: the engine supports both ways of being started.
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import path from 'node:path';

Object.defineProperty(process.versions, 'electron', { value: process.env.STUB_ELECTRON_VERSION, enumerable: true });

const report = (message) => process.send?.(message);

const handlers = new Map();
export const ipcMain = {
  handle: (channel, listener) => handlers.set(channel, listener),
  removeHandler: (channel) => handlers.delete(channel),
};

process.on('message', async (message) => {
  if (message?.type === 'contents') return report({ type: 'result', id: message.id, ok: true, value: tryContents(message) });
  if (message?.type !== 'invoke') return;
  try {
    const handler = handlers.get(message.channel);
    if (handler === undefined) throw new Error(`No handler registered for '${message.channel}'`);
    const senderFrame = message.frameUrl === null ? null : { url: message.frameUrl, parent: null };
    report({ type: 'result', id: message.id, ok: true, value: await handler({ senderFrame }, ...message.args) });
  } catch (error) {
    report({ type: 'result', id: message.id, ok: false, error: error.message });
  }
});

// STUB_PACKAGED=1 plays the packaged app, whose resources (the SQLite driver, app-update.yml) are in STUB_RESOURCES_PATH.
if (process.env.STUB_RESOURCES_PATH) process.resourcesPath = process.env.STUB_RESOURCES_PATH;

const appEvents = new EventEmitter();
export const app = {
  isPackaged: process.env.STUB_PACKAGED === '1',
  getVersion: () => '0.1.0',
  getName: () => 'Concurrency Explorer',
  getAppPath: () => process.cwd(),
  once: (event, listener) => appEvents.once(event, listener),
  getPath: (name) => path.join(process.env.STUB_APP_DATA, name),
  setName: (name) => report({ type: 'setName', name }),
  setPath: (name, value) => report({ type: 'setPath', name, value }),
  enableSandbox: () => report({ type: 'enableSandbox' }),
  requestSingleInstanceLock: () => true,
  on: (event, listener) => appEvents.on(event, listener),
  whenReady: () => Promise.resolve(),
  quit: () => process.exit(0),
  exit: (code) => process.exit(code),
  setAboutPanelOptions: (options) => report({ type: 'about', options }),
  showAboutPanel: () => {},
};

const windows = [];
export class BrowserWindow extends EventEmitter {
  static getAllWindows = () => windows;
  constructor(options) {
    super();
    this.options = options;
    this.webContents = Object.assign(new EventEmitter(), {
      mainFrame: { url: '', parent: null },
      isDestroyed: () => false,
      send: (channel, ...args) => report({ type: 'sent', channel, args }),
      setWindowOpenHandler(handler) {
        this.windowOpenHandler = handler;
      },
    });
    windows.push(this);
    appEvents.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.webContents.mainFrame.url = url;
    report({ type: 'window', url, options: this.options });
    return Promise.resolve();
  }
  maximize() {}
  show() {}
  isDestroyed = () => false;
  isFullScreen = () => false;
  isMaximized = () => false;
  getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 800 });
}

/** What the first window does when its page asks to open a window or to navigate to `url`. */
function tryContents({ action, url }) {
  const contents = windows[0].webContents;
  if (action === 'open') return contents.windowOpenHandler({ url }).action;
  let prevented = false;
  contents.emit(action, { url, preventDefault: () => (prevented = true) });
  return prevented ? 'prevented' : 'allowed';
}

const workArea = { x: 0, y: 0, width: 1920, height: 1080 };
export const screen = { getPrimaryDisplay: () => ({ id: 1, workArea }), getAllDisplays: () => [{ id: 1, workArea }] };

export const dialog = {
  showErrorBox: (title, message) => report({ type: 'errorBox', title, message }),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => ({ canceled: true }),
};

export const Menu = {
  buildFromTemplate: (template) => template,
  setApplicationMenu: (menu) => report({ type: 'menu', labels: menu.map((item) => item.label) }),
};

export const shell = { openExternal: async () => {} };

const webRequest = { onHeadersReceived: () => report({ type: 'csp' }) };
export const session = {
  defaultSession: {
    setPermissionRequestHandler: () => report({ type: 'permissions' }),
    setPermissionCheckHandler: () => {},
    webRequest,
  },
};

export const utilityProcess = {
  fork(modulePath, args, options) {
    report({ type: 'fork', modulePath, serviceName: options.serviceName, env: { UV_THREADPOOL_SIZE: options.env.UV_THREADPOOL_SIZE, CONCURRENCY_EXPLORER_SQLITE_BINDING: options.env.CONCURRENCY_EXPLORER_SQLITE_BINDING } });
    const child = fork(modulePath, args, { env: options.env, execArgv: options.execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const utility = new EventEmitter();
    child.on('message', (message) => utility.emit('message', message));
    child.on('exit', (code) => utility.emit('exit', code ?? 1));
    Object.defineProperty(utility, 'pid', { get: () => child.pid });
    utility.postMessage = (message) => child.send(message);
    utility.kill = () => child.kill('SIGKILL');
    return utility;
  },
};

// Packages that load Electron with `require` (electron-updater) get this stand-in too, and the test hears of it:
// the module hooks of `register.mjs` only see `import`.
const require = createRequire(import.meta.url);
const electronEntry = require.resolve('electron');
const cjsElectron = { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell, utilityProcess };
require.cache[electronEntry] = {
  id: electronEntry,
  filename: electronEntry,
  loaded: true,
  get exports() {
    report({ type: 'required' });
    return cjsElectron;
  },
};
