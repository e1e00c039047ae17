import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../../electron/backend/history/process-alive';

describe('isProcessAlive', () => {
  it('is true for this process and false for an id nobody has', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(2 ** 22 + 1)).toBe(false);
  });

  it.skipIf(process.platform !== 'linux')('is false for a zombie, which signal 0 still finds', async () => {
    // `sleep 0` ends at once, and its parent, the shell turned `sleep 3` by exec, never reaps it.
    const shell = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 3'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const pid = Number(await new Promise<string>((resolve) => shell.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString()))));
      const isZombie = () => readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
      await expect.poll(isZombie, { timeout: 2_000 }).toBe(true);
      expect(() => process.kill(pid, 0)).not.toThrow();
      expect(isProcessAlive(pid)).toBe(false);
    } finally {
      shell.kill('SIGKILL');
    }
  });
});
