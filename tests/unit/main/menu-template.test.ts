import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../../shared/api/desktop-methods';
import { HELP_LINKS } from '../../../electron/main/menu/help-links';
import { buildMenuTemplate, type MenuActions } from '../../../electron/main/menu/menu-template';

type MenuItemConstructorOptions = ReturnType<typeof buildMenuTemplate>[number];

function recordingActions() {
  const done: string[] = [];
  const actions: MenuActions = {
    command: (command) => done.push(`command:${command}`),
    openHelpLink: (link) => done.push(`link:${link}`),
    showAbout: () => done.push('about'),
    setUpdateChecks: (enabled) => done.push(`updates:${enabled}`),
  };
  return { actions, done };
}

const items = (menu: MenuItemConstructorOptions): MenuItemConstructorOptions[] =>
  (menu.submenu as MenuItemConstructorOptions[]).filter((item) => item.type !== 'separator');
const find = (template: MenuItemConstructorOptions[], top: string, label: string) =>
  items(template.find((menu) => menu.label === top)!).find((item) => item.label === label);
const roles = (menu: MenuItemConstructorOptions) => items(menu).map((item) => item.role).filter(Boolean);
const click = (item: MenuItemConstructorOptions | undefined) =>
  (item!.click as unknown as () => void)();

describe('the application menu', () => {
  it('has File, Edit, View and Help, with the file commands sent to the renderer', () => {
    const { actions, done } = recordingActions();
    const template = buildMenuTemplate({ appName: 'Concurrency Explorer', isMac: false, isDev: false, checkForUpdates: true }, actions);
    expect(template.map((menu) => menu.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const fileItems = items(template[0]!);
    expect(fileItems.map((item) => item.label ?? item.role)).toEqual([
      'New Scenario',
      'Open Scenario…',
      'Import Run…',
      'Export Run…',
      'quit',
    ]);
    for (const item of fileItems.filter((entry) => entry.click)) click(item);
    expect(done).toEqual(MENU_COMMANDS.map((command) => `command:${command}`));
    expect(new Set(fileItems.map((item) => item.accelerator).filter(Boolean)).size).toBe(4);
  });

  it('offers reload and developer tools only in development', () => {
    const { actions } = recordingActions();
    const built = buildMenuTemplate({ appName: 'X', isMac: false, isDev: false, checkForUpdates: true }, actions);
    const dev = buildMenuTemplate({ appName: 'X', isMac: false, isDev: true, checkForUpdates: true }, actions);
    expect(roles(built[2]!)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(dev[2]!)).toEqual(['reload', 'forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(built[1]!)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('opens About and the fixed help links from Help', () => {
    const { actions, done } = recordingActions();
    const template = buildMenuTemplate({ appName: 'Concurrency Explorer', isMac: false, isDev: false, checkForUpdates: true }, actions);
    click(find(template, '&Help', 'About Concurrency Explorer'));
    click(find(template, '&Help', 'Documentation'));
    expect(done).toEqual(['about', 'link:documentation']);
  });

  it('turns the update check at start on and off from Help, showing the setting as it is', () => {
    const { actions, done } = recordingActions();
    for (const checkForUpdates of [true, false]) {
      const template = buildMenuTemplate({ appName: 'X', isMac: false, isDev: false, checkForUpdates }, actions);
      const item = find(template, '&Help', 'Check for Updates Automatically')!;
      expect(item).toMatchObject({ type: 'checkbox', checked: checkForUpdates });
      // Electron flips a checkbox before it calls the click handler, which then reads the new state.
      (item.click as unknown as (menuItem: { checked: boolean }) => void)({ checked: !checkForUpdates });
    }
    expect(done).toEqual(['updates:false', 'updates:true']);
  });

  it('keeps About and Quit in the application menu on macOS', () => {
    const { actions } = recordingActions();
    const template = buildMenuTemplate({ appName: 'Concurrency Explorer', isMac: true, isDev: false, checkForUpdates: true }, actions);
    expect(template.map((menu) => menu.label)).toEqual(['Concurrency Explorer', '&File', '&Edit', '&View', '&Help']);
    expect(items(template[0]!)[0]!.label).toBe('About Concurrency Explorer');
    expect(roles(template[0]!)).toContain('quit');
    expect(roles(template[1]!)).toEqual(['close']);
    expect(find(template, '&Help', 'About Concurrency Explorer')).toBeUndefined();
  });

  it('links only to fixed HTTPS pages', () => {
    for (const url of Object.values(HELP_LINKS)) expect(new URL(url).protocol).toBe('https:');
  });
});
