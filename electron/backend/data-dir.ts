import { homedir } from 'node:os';
import path from 'node:path';

/** The desktop app's `productName`: Electron names the per-user data folder after it. */
export const PRODUCT_NAME = 'Concurrency Explorer';
/** The history database's file name inside the data folder. */
export const HISTORY_FILE_NAME = 'history.sqlite';
/** Environment variable that points CLI and app at another history database. */
export const DB_ENV_VAR = 'CONCURRENCY_EXPLORER_DB';

type Env = Readonly<Record<string, string | undefined>>;

/** Where the machine is, for working out folders; defaults to this process's. */
export interface Platform {
  platform?: NodeJS.Platform;
  env?: Env;
  homeDir?: string;
}

function pathsFor(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The per-user data folder, the same one Electron's `app.getPath('userData')` gives the desktop app,
 * so that CLI runs and app runs share one history: `$XDG_CONFIG_HOME` (or `~/.config`) on Linux,
 * `~/Library/Application Support` on macOS, `%APPDATA%` on Windows, each followed by the product name.
 */
export function defaultDataDir(where: Platform = {}): string {
  const platform = where.platform ?? process.platform;
  const env = where.env ?? process.env;
  const home = where.homeDir ?? homedir();
  const { join } = pathsFor(platform);
  if (platform === 'win32') return join(nonEmpty(env.APPDATA) ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(nonEmpty(env.XDG_CONFIG_HOME) ?? join(home, '.config'), PRODUCT_NAME);
}

/**
 * The history database to use: the `--db` flag, else `CONCURRENCY_EXPLORER_DB`, else `history.sqlite`
 * in the default data folder. A relative path is taken from the current folder. An empty flag is refused
 * (an empty environment variable counts as unset, as shells usually mean it).
 */
export function resolveDatabasePath(options: { flag?: string; env: Env; platform?: NodeJS.Platform; homeDir?: string }): string {
  if (options.flag !== undefined) {
    if (options.flag.trim() === '') throw new Error('--db needs the path of a database file, got an empty value');
    return path.resolve(options.flag);
  }
  const fromEnv = nonEmpty(options.env[DB_ENV_VAR]);
  if (fromEnv !== undefined) return path.resolve(fromEnv);
  return pathsFor(options.platform ?? process.platform).join(defaultDataDir(options), HISTORY_FILE_NAME);
}
