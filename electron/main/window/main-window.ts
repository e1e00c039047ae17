import { BrowserWindow, screen } from 'electron';
import { PRODUCT_NAME } from '../../backend/data-dir';
import { type AppLocation, startUrl } from '../security/app-location';
import { MIN_WINDOW_SIZE_PX, placeWindow, readWindowState, writeWindowState } from './window-state';
import { errorMessage } from '../../../shared/errors/error-message';

/** Resizing and moving fire many events; the state is written once the window has been still this long. */
const SAVE_DELAY_MS = 500;

export interface MainWindowOptions {
  app: AppLocation;
  preloadPath: string;
  /** `window-state.json` in the user data folder. */
  stateFile: string;
  /** Developer tools exist only in development. */
  devTools: boolean;
}

/**
 * Opens the one window: sandboxed, context-isolated, no Node in the page, where it was last time if that
 * place is on a display there is now. Its size, place and maximised state are remembered as it changes.
 */
export function openMainWindow(options: MainWindowOptions): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  const placement = placeWindow(readWindowState(options.stateFile), [primary.workArea, ...others.map((d) => d.workArea)]);
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_WINDOW_SIZE_PX.width,
    minHeight: MIN_WINDOW_SIZE_PX.height,
    title: PRODUCT_NAME,
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: options.devTools,
      spellcheck: false,
    },
  });
  if (placement.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  rememberState(window, options.stateFile);
  window.loadURL(startUrl(options.app)).catch((error: Error) => {
    console.error(`The app page did not load: ${error.message}`);
    window.show();
  });
  return window;
}

function rememberState(window: BrowserWindow, stateFile: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    if (window.isDestroyed() || window.isFullScreen()) return;
    try {
      const { x, y, width, height } = window.getNormalBounds();
      const bounds = { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
      writeWindowState(stateFile, { ...bounds, maximized: window.isMaximized() });
    } catch (error) {
      console.warn(`Could not remember the window's place: ${errorMessage(error)}`);
    }
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', save);
}
