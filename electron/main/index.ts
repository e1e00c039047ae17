import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, shell } from 'electron';
import { API_EVENT_NAMES } from '../../shared/api/api-contract';
import { PRODUCT_NAME } from '../backend/data-dir';
import { version } from '../../package.json';
import { resolveAppPaths, USER_DATA_ENV_VAR } from './app-paths';
import { type DesktopServices, startDesktopServices } from './desktop-services';
import { bridgeApi } from './ipc/api-bridge';
import { HELP_LINKS } from './menu/help-links';
import { buildMenuTemplate } from './menu/menu-template';
import { appLocation } from './security/app-location';
import { hardenSession, hardenWebContents } from './security/harden-contents';
import { AppSettingsFile } from './settings/app-settings';
import { freshSmokeTestDataDir, smokeTestAndExit } from './smoke-test/smoke-test-app';
import { SMOKE_TEST_FLAG } from './smoke-test/smoke-summary';
import { appSqliteBinding } from './sqlite/app-sqlite-binding';
import { electronUpdaterFeed } from './updates/electron-updater-feed';
import { decideUpdateCheck, UpdateController } from './updates/update-controller';
import { openMainWindow } from './window/main-window';
import { errorMessage } from '../../shared/errors/error-message';

// The bundle is out/main/index.js: the engine is built beside it, the preload and the renderer next to
// out/main, and the checkout is two folders up.
const here = path.dirname(fileURLToPath(import.meta.url));
const isDev = !app.isPackaged;
const isMac = process.platform === 'darwin';
// `--smoke-test` (the release pipeline's check of each installer) runs in a fresh data folder of its own.
const smokeTest = process.argv.includes(SMOKE_TEST_FLAG);
const paths = resolveAppPaths(app.getPath('appData'), smokeTest ? { [USER_DATA_ENV_VAR]: freshSmokeTestDataDir() } : process.env);
const location = appLocation(path.join(here, '..', 'renderer', 'index.html'), isDev ? (process.env.ELECTRON_RENDERER_URL ?? null) : null);

app.setName(PRODUCT_NAME);
app.setPath('userData', paths.userDataDir);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let services: DesktopServices | null = null;

/** A failure that stops the app at start: one clear message (no stack trace), then a non-zero exit. */
function failStartup(error: unknown): void {
  const message = errorMessage(error);
  console.error(`${PRODUCT_NAME} cannot start: ${message}`);
  dialog.showErrorBox(`${PRODUCT_NAME} cannot start`, message);
  app.exit(1);
}

function openWindow(): void {
  mainWindow = openMainWindow({
    app: location,
    preloadPath: path.join(here, '..', 'preload', 'index.cjs'),
    stateFile: paths.windowStateFile,
    devTools: isDev,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function sqliteBinding(): string {
  return appSqliteBinding({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, projectRoot: path.resolve(here, '..', '..') });
}

function start(): void {
  hardenSession(location);
  const settings = new AppSettingsFile(paths.settingsFile, (message) => console.warn(message));
  const updates = new UpdateController({
    createFeed: electronUpdaterFeed,
    onReady: (updateVersion) => services?.emitUpdateReady(updateVersion),
    log: (message) => console.log(message),
  });
  const desktop = startDesktopServices({
    databasePath: paths.databasePath,
    engineFile: path.join(here, 'engine.js'),
    sqliteBinding: sqliteBinding(),
    parentWindow: () => mainWindow,
    updates,
  });
  services = desktop;
  bridgeApi({
    ipc: ipcMain,
    transport: desktop.transport,
    app: location,
    events: API_EVENT_NAMES,
    targets: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
  });
  app.setAboutPanelOptions({ applicationName: PRODUCT_NAME, applicationVersion: version });
  const template = buildMenuTemplate(
    { appName: PRODUCT_NAME, isMac, isDev, checkForUpdates: settings.settings.checkForUpdates },
    {
      command: (command) => desktop.emitMenuCommand(command),
      openHelpLink: (link) => {
        shell.openExternal(HELP_LINKS[link]).catch((error: Error) => console.warn(`Could not open ${HELP_LINKS[link]}: ${error.message}`));
      },
      showAbout: () => app.showAboutPanel(),
      setUpdateChecks: (enabled) => {
        try {
          settings.update({ checkForUpdates: enabled });
        } catch (error) {
          console.warn(`Could not save the update setting in ${paths.settingsFile}: ${errorMessage(error)}`);
        }
      },
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  openWindow();
  // In the background: the window is already usable, and a failed check only ends up in the log.
  void updates.start(decideUpdateCheck({ packaged: app.isPackaged, smokeTest, checksEnabled: settings.settings.checkForUpdates }));
}

if (smokeTest) {
  app
    .whenReady()
    .then(() => smokeTestAndExit({ dataDir: paths.userDataDir, engineFile: path.join(here, 'engine.js'), sqliteBinding }))
    .catch(failStartup);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, location));
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (services !== null && mainWindow === null) openWindow();
  });
  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });
  app.on('before-quit', (event) => {
    const running = services;
    if (running === null) return;
    services = null;
    event.preventDefault();
    void running.shutdown().finally(() => app.quit());
  });
  app.whenReady().then(start).catch(failStartup);
}
