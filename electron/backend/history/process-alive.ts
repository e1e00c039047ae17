/**
 * Whether a process with this id exists on this machine. Signal 0 only checks; EPERM means it exists
 * but belongs to someone else. A reused id makes a dead owner look alive: its runs then stay `running`
 * until that process ends too, which is the safe side to err on.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
