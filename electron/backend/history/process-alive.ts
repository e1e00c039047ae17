import { readFileSync } from 'node:fs';

/**
 * Whether a process with this id still runs on this machine. Signal 0 only checks; EPERM means it exists but
 * belongs to someone else. A zombie (Linux reports state `Z` in /proc) has ended and only waits for its parent
 * to reap it, which init can take seconds to do: it counts as ended. A reused id makes a dead owner look alive:
 * its runs then stay `running` until that process ends too, which is the safe side to err on.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (process.platform !== 'linux') return true;
  try {
    return !/^\S+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    // Gone between the two looks.
    return false;
  }
}
