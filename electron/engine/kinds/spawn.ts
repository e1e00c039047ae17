import { spawn } from 'node:child_process';
import type { KindCall, SpecOf } from './kind-call';

const STDERR_TAIL_CHARS = 300;

/** Starts `command args` (no shell) and waits for it to exit; killed on abort. A non-zero exit is an error. */
export function runSpawn(spec: SpecOf<'spawn'>, call: KindCall): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(spec.command, spec.args, { signal: call.abort.signal, killSignal: 'SIGKILL', stdio: ['ignore', 'ignore', 'pipe'] });
    if (child.pid !== undefined) call.childProcess?.(child.pid);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
    });
    child.once('error', reject);
    child.once('close', (code, signal) => {
      call.childProcess?.(0);
      if (code === 0) return resolve();
      const how = code === null ? `was killed by ${signal ?? 'a signal'}` : `exited with code ${code}`;
      const detail = stderr.trim();
      reject(new Error(`${spec.command} ${how}${detail === '' ? '' : `: ${detail}`}`));
    });
  });
}
