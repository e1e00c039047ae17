import { spawn } from 'node:child_process';
import { killChildGroup, recordChildGroup } from '../children/child-groups';
import type { KindCall, SpecOf } from './kind-call';

const STDERR_TAIL_CHARS = 300;

/**
 * Starts `command args` (no shell) in a process group of its own and waits for it to exit; on abort (timeout,
 * cancel) the whole group is killed, so what the command started in turn goes too. A non-zero exit is an error.
 */
export function runSpawn(spec: SpecOf<'spawn'>, call: KindCall): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(spec.command, spec.args, { detached: true, windowsHide: true, stdio: ['ignore', 'ignore', 'pipe'] });
    const pid = child.pid;
    if (pid !== undefined) {
      recordChildGroup(call.env.scratchDir, pid);
      call.childProcess?.(pid);
      call.abort.onAbort(() => killChildGroup(pid));
    }
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
