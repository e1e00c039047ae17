import { SQLITE_BINDING_ENV_VAR } from '../sqlite/electron-sqlite-binding';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The environment of an engine process: the app's own, with the run's libuv thread-pool size (it only
 * takes effect at process start) and the Electron-ABI SQLite driver for the `sqlite` task kind. Node
 * options that would change how the engine runs, and Electron's run-as-Node switch, are not passed on.
 */
export function engineEnvironment(base: Env, run: { threadpoolSize: number; sqliteBinding: string }): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && name !== 'NODE_OPTIONS' && name !== 'ELECTRON_RUN_AS_NODE') env[name] = value;
  }
  env.UV_THREADPOOL_SIZE = String(run.threadpoolSize);
  env[SQLITE_BINDING_ENV_VAR] = run.sqliteBinding;
  return env;
}
