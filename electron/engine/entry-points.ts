import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A file to start in a new process or worker thread, with the Node options it needs. */
export interface EntryPoint {
  file: string;
  execArgv: string[];
}

/**
 * The entry beside the module at `moduleUrl` (pass `import.meta.url`). From source, the TypeScript file
 * `sourcePath` runs through tsx (resolved from here, so any working directory does); in the desktop build
 * every module is bundled into out/main/, beside the built entry files such as `builtFile`.
 */
export function entryPointBeside(moduleUrl: string, sourcePath: string, builtFile: string): EntryPoint {
  const here = dirname(fileURLToPath(moduleUrl));
  if (!moduleUrl.endsWith('.ts')) return { file: join(here, builtFile), execArgv: [] };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { file: join(here, sourcePath), execArgv: ['--import', tsx] };
}

const entryPoint = (sourcePath: string, builtFile: string) => entryPointBeside(import.meta.url, sourcePath, builtFile);

/**
 * V8 flags of every engine process, forked or a utility process. The end of a run sends every batch still waiting
 * at once, which makes garbage faster than V8's default heap growth collects it: a million zero-delay timers peaked
 * at 260-400 MB by the kernel's count; growing the heap by 10% at a time, at about 210 MB, at the same speed.
 */
export const ENGINE_V8_FLAGS: readonly string[] = ['--heap-growing-percent=10'];

/** The engine process's entry: `electron/engine/main.ts`, or the built `out/main/engine.js`. */
export function engineEntry(): EntryPoint {
  const entry = entryPoint('main.ts', 'engine.js');
  return { ...entry, execArgv: [...ENGINE_V8_FLAGS, ...entry.execArgv] };
}

/** The `workers` strategy's thread entry: `electron/engine/workers/task-worker.ts`, or the built `out/main/engine-worker.js`. */
export function taskWorkerEntry(): EntryPoint {
  return entryPoint(join('workers', 'task-worker.ts'), 'engine-worker.js');
}

/** The built-in HTTP target's own process: `electron/engine/target-server/target-process.ts`, or the built `out/main/target-server.js`. */
export function targetServerEntry(): EntryPoint {
  return entryPoint(join('target-server', 'target-process.ts'), 'target-server.js');
}
