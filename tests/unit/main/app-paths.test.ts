import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from '../../../electron/main/app-paths';
import { defaultDataDir } from '../../../electron/backend/data-dir';

const appData = path.resolve('/home/ada/.config');

describe('resolveAppPaths', () => {
  it('keeps everything in <appData>/Concurrency Explorer, the folder the CLI uses too', () => {
    const paths = resolveAppPaths(appData, {});
    expect(paths).toEqual({
      userDataDir: path.join(appData, 'Concurrency Explorer'),
      databasePath: path.join(appData, 'Concurrency Explorer', 'history.sqlite'),
      windowStateFile: path.join(appData, 'Concurrency Explorer', 'window-state.json'),
      settingsFile: path.join(appData, 'Concurrency Explorer', 'settings.json'),
    });
    if (process.platform === 'linux') {
      expect(paths.userDataDir).toBe(defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: appData } }));
    }
  });

  it('uses the user data folder and the database the environment names', () => {
    const paths = resolveAppPaths(appData, {
      CONCURRENCY_EXPLORER_USER_DATA: '/tmp/e2e-42',
      CONCURRENCY_EXPLORER_DB: 'runs/test.sqlite',
    });
    expect(paths.userDataDir).toBe(path.resolve('/tmp/e2e-42'));
    expect(paths.windowStateFile).toBe(path.resolve('/tmp/e2e-42/window-state.json'));
    expect(paths.databasePath).toBe(path.resolve('runs/test.sqlite'));
  });

  it('puts the database in an overridden user data folder unless one is named', () => {
    expect(resolveAppPaths(appData, { CONCURRENCY_EXPLORER_USER_DATA: '/tmp/e2e-7', CONCURRENCY_EXPLORER_DB: ' ' }).databasePath).toBe(
      path.resolve('/tmp/e2e-7/history.sqlite'),
    );
  });
});
