import { fork } from 'node:child_process';
import { z } from 'zod';
import { targetServerEntry, type EntryPoint } from '../../engine/entry-points';

/** The built-in HTTP target server, running in a process of its own for one run. */
export interface TargetProcess {
  /** `http://127.0.0.1:<port>`: what the engine or runner gets as `targetUrl`. */
  url: string;
  pid: number;
  /** Ends the process (it also ends itself when its parent goes). */
  stop(): void;
}

const ListeningSchema = z.object({ type: z.literal('listening'), url: z.string().url() });
const STDERR_TAIL_CHARS = 500;

/** The URL in the target process's first message (`{ type: 'listening', url }`), or null when it is anything else. */
export function listeningUrl(message: unknown): string | null {
  const parsed = ListeningSchema.safeParse(message);
  return parsed.success ? parsed.data.url : null;
}

/**
 * Starts the target process with `child_process.fork` (the CLI, the browser host, tests; the desktop app's
 * launcher starts a utility process instead) and resolves once it listens; rejects with the reason when it cannot.
 */
export function startTargetProcess(entry: EntryPoint = targetServerEntry()): Promise<TargetProcess> {
  const child = fork(entry.file, [], {
    execArgv: entry.execArgv,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
  });
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      child.kill();
      reject(new Error(`the built-in HTTP target server could not start: ${why}${stderr.trim() === '' ? '' : `: ${stderr.trim()}`}`));
    };
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code, signal) => fail(`its process exited (${signal ?? `code ${code}`})`));
    child.once('message', (message) => {
      const url = listeningUrl(message);
      if (url === null || child.pid === undefined) return fail('its process sent an unexpected message');
      child.removeAllListeners('exit');
      resolve({ url, pid: child.pid, stop: () => void child.kill() });
    });
  });
}
