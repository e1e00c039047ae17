import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDatabasePath } from '../../../electron/backend/data-dir';

describe('defaultDataDir', () => {
  it('follows Electron userData on Linux: XDG_CONFIG_HOME, else ~/.config', () => {
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x/conf' }, homeDir: '/home/ada' })).toBe(
      '/x/conf/Concurrency Explorer',
    );
    expect(defaultDataDir({ platform: 'linux', env: {}, homeDir: '/home/ada' })).toBe('/home/ada/.config/Concurrency Explorer');
    expect(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '' }, homeDir: '/home/ada' })).toBe(
      '/home/ada/.config/Concurrency Explorer',
    );
  });

  it('uses Application Support on macOS and APPDATA on Windows', () => {
    expect(defaultDataDir({ platform: 'darwin', env: { XDG_CONFIG_HOME: '/ignored' }, homeDir: '/Users/ada' })).toBe(
      '/Users/ada/Library/Application Support/Concurrency Explorer',
    );
    expect(defaultDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, homeDir: 'C:\\Users\\ada' })).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\Concurrency Explorer',
    );
    expect(defaultDataDir({ platform: 'win32', env: {}, homeDir: 'C:\\Users\\ada' })).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\Concurrency Explorer',
    );
  });
});

describe('resolveDatabasePath', () => {
  const env = { CONCURRENCY_EXPLORER_DB: '/from/env.sqlite', XDG_CONFIG_HOME: '/conf' };

  it('prefers the flag, then the environment variable, then history.sqlite in the data folder', () => {
    expect(resolveDatabasePath({ flag: '/from/flag.sqlite', env })).toBe(path.resolve('/from/flag.sqlite'));
    expect(resolveDatabasePath({ env })).toBe(path.resolve('/from/env.sqlite'));
    expect(resolveDatabasePath({ env: { XDG_CONFIG_HOME: '/conf' }, platform: 'linux' })).toBe(
      '/conf/Concurrency Explorer/history.sqlite',
    );
    expect(resolveDatabasePath({ env: { APPDATA: 'D:\\roam' }, platform: 'win32' })).toBe('D:\\roam\\Concurrency Explorer\\history.sqlite');
  });

  it('makes a relative path absolute and treats an empty variable as unset', () => {
    expect(resolveDatabasePath({ flag: 'runs.sqlite', env })).toBe(path.join(process.cwd(), 'runs.sqlite'));
    expect(resolveDatabasePath({ env: { CONCURRENCY_EXPLORER_DB: '', XDG_CONFIG_HOME: '/c' }, platform: 'linux' })).toBe(
      '/c/Concurrency Explorer/history.sqlite',
    );
  });

  it('refuses an empty --db with a message naming the flag', () => {
    expect(() => resolveDatabasePath({ flag: ' ', env })).toThrow(/--db needs the path of a database file/);
  });
});
