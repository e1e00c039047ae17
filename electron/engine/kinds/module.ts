import { errorMessage } from '../../../shared/errors/error-message';
import type { TaskGroup } from '../../../shared/scenario';
import type { KindCall, SpecOf } from './kind-call';

/** What a `module` task's function is called with, once per attempt. */
export interface ModuleCall {
  index: number;
  /** 1 for the first attempt, 2 for the first retry, ... */
  attempt: number;
  /** Aborts on the timeout and on Cancel (and, under `structured`, when another task failed). */
  signal: AbortSignal;
  args: Record<string, unknown>;
}

type TaskFunction = (call: ModuleCall) => unknown;

/** Loaded once per thread (the engine's, or a worker's): by module URL and export name. */
const loaded = new Map<string, Promise<TaskFunction>>();

async function importExport(url: string, name: string): Promise<TaskFunction> {
  const module = (await import(url)) as Record<string, unknown>;
  const exported = module[name];
  if (typeof exported !== 'function') {
    const names = Object.keys(module).filter((key) => typeof module[key] === 'function');
    const found = names.length === 0 ? 'it exports no function' : `its functions are ${names.join(', ')}`;
    throw new Error(`has no function export "${name}": ${found}`);
  }
  return exported as TaskFunction;
}

/** The task function `name` of the module at `url`, imported on this thread at the first call. */
export function loadTaskFunction(url: string, name: string): Promise<TaskFunction> {
  const key = `${url}#${name}`;
  let pending = loaded.get(key);
  if (pending === undefined) {
    pending = importExport(url, name);
    loaded.set(key, pending);
  }
  return pending;
}

/** The task functions a scenario's `module` groups call, as `groupFiles` resolved them: what a worker thread imports first. */
export function moduleExports(tasks: readonly TaskGroup[], groupFiles: Record<number, string>): { url: string; name: string }[] {
  return tasks.flatMap((spec, group) => {
    const url = groupFiles[group];
    return spec.kind === 'module' && url !== undefined ? [{ url, name: spec.export }] : [];
  });
}

/** The first frame of an error's stack (`at fetchUser (file:///…/fetch-user.mjs:4:11)`), or null. */
export function firstStackFrame(error: unknown): string | null {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return null;
  const frame = error.stack.split('\n').find((line) => line.trimStart().startsWith('at '));
  return frame === undefined ? null : frame.trim();
}

/**
 * Calls the user's exported async function for one attempt and waits for it. A thrown error (or rejection)
 * becomes the task's error: its message and the first frame of its stack. The signal is the attempt's own;
 * a function that ignores it still ends the attempt on time (the engine records the timeout or cancel and
 * discards the late result).
 */
export async function runModule(spec: SpecOf<'module'>, call: KindCall): Promise<void> {
  const url = call.env.groupFiles[call.group];
  if (url === undefined) throw new Error(`the module of tasks[${call.group}] was not prepared`);
  const run = await loadTaskFunction(url, spec.export);
  try {
    await run({ index: call.index, attempt: call.draw.attempt, signal: call.abort.signal, args: spec.args });
  } catch (error) {
    const frame = firstStackFrame(error);
    throw new Error(frame === null ? errorMessage(error) : `${errorMessage(error)} (${frame})`);
  }
}
