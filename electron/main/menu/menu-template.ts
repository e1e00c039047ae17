import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../../shared/api/desktop-methods';
import type { HelpLink } from './help-links';

/** What the menu items do; the main process wires them to the renderer, the browser and the About panel. */
export interface MenuActions {
  /** Asks the renderer to do something (it owns the flow: unsaved edits, the selected run, ...). */
  command(command: MenuCommand): void;
  openHelpLink(link: HelpLink): void;
  showAbout(): void;
  /** Turns the packaged app's update check at start on or off (the setting is kept for the next start). */
  setUpdateChecks(enabled: boolean): void;
}

export interface MenuContext {
  appName: string;
  /** macOS has an application menu and keeps Quit and About in it. */
  isMac: boolean;
  /** Reload and the developer tools exist only in development. */
  isDev: boolean;
  /** The setting behind Help > Check for Updates Automatically. */
  checkForUpdates: boolean;
}

/** The application menu: File, Edit, View, Help (and the application menu on macOS). */
export function buildMenuTemplate(context: MenuContext, actions: MenuActions): MenuItemConstructorOptions[] {
  const send = (command: MenuCommand) => () => actions.command(command);
  const about: MenuItemConstructorOptions = { label: `About ${context.appName}`, click: () => actions.showAbout() };
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Scenario', accelerator: 'CmdOrCtrl+N', click: send('newScenario') },
      { label: 'Open Scenario…', accelerator: 'CmdOrCtrl+O', click: send('openScenario') },
      separator,
      { label: 'Import Run…', accelerator: 'CmdOrCtrl+Shift+O', click: send('importRun') },
      { label: 'Export Run…', accelerator: 'CmdOrCtrl+E', click: send('exportRun') },
      separator,
      context.isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(context.isDev ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, separator] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      ...(context.isMac ? [] : [about, separator]),
      { label: 'Documentation', click: () => actions.openHelpLink('documentation') },
      { label: 'Node.js: The Event Loop', click: () => actions.openHelpLink('eventLoopGuide') },
      { label: 'libuv: The Thread Pool', click: () => actions.openHelpLink('libuvThreadPool') },
      separator,
      {
        label: 'Check for Updates Automatically',
        type: 'checkbox',
        checked: context.checkForUpdates,
        click: (item) => actions.setUpdateChecks(item.checked),
      },
    ],
  };
  if (!context.isMac) return [file, edit, view, help];
  const application: MenuItemConstructorOptions = {
    label: context.appName,
    submenu: [about, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }],
  };
  return [application, file, edit, view, help];
}
