import path from 'node:path';
import { DB_ENV_VAR, HISTORY_FILE_NAME, PRODUCT_NAME } from '../backend/data-dir';

type Env = Readonly<Record<string, string | undefined>>;

/** Environment variable that gives the app another user data folder (the end-to-end tests use a fresh one). */
export const USER_DATA_ENV_VAR = 'CONCURRENCY_EXPLORER_USER_DATA';

/** Where the desktop app keeps its files. */
export interface AppPaths {
  /** Electron's `userData`: `<appData>/Concurrency Explorer`, the folder the CLI's default history is in. */
  userDataDir: string;
  /** `history.sqlite` in the user data folder, unless `CONCURRENCY_EXPLORER_DB` names another. */
  databasePath: string;
  windowStateFile: string;
  /** The app's own settings (`settings.json`), such as whether it checks for updates. */
  settingsFile: string;
}

/**
 * The app's folders and files, from Electron's `appData` folder and the environment. Set explicitly rather
 * than left to Electron, which names the folder after whatever it finds as the app's name when it is
 * started on a file (`electron out/main/index.js`) instead of on the package.
 */
export function resolveAppPaths(appDataDir: string, env: Env): AppPaths {
  const userDataDir = path.resolve(nonEmpty(env[USER_DATA_ENV_VAR]) ?? path.join(appDataDir, PRODUCT_NAME));
  const database = nonEmpty(env[DB_ENV_VAR]);
  return {
    userDataDir,
    databasePath: database === undefined ? path.join(userDataDir, HISTORY_FILE_NAME) : path.resolve(database),
    windowStateFile: path.join(userDataDir, 'window-state.json'),
    settingsFile: path.join(userDataDir, 'settings.json'),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
