import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every child a `spawn` task starts leads a process group of its own (`detached`), so that Cancel, a timeout
 * and the end of the engine kill it with everything it started in turn (`sh -c` and its children). Each
 * group is written to this file in the run's scratch folder as it starts: the engine's exit, its watchdog and
 * the backend (after it had to kill an engine whose loop was blocked) all find the groups there, whichever
 * thread started them. An entry of a group that has ended is harmless: killing it finds no process.
 */
export const CHILD_GROUPS_FILE = 'child-groups.txt';

/** Notes the process group of a child just started (its pid: the child leads its own group). */
export function recordChildGroup(scratchDir: string, pid: number): void {
  appendFileSync(join(scratchDir, CHILD_GROUPS_FILE), `${pid}\n`);
}

/** Kills the process group led by `pid` (Windows has no process groups: the child alone). */
export function killChildGroup(pid: number): void {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    // The group has already ended.
  }
}

/** Kills every process group recorded in `scratchDir`; a missing file means no child was ever started. */
export function killRecordedChildGroups(scratchDir: string): void {
  let text: string;
  try {
    text = readFileSync(join(scratchDir, CHILD_GROUPS_FILE), 'utf8');
  } catch {
    return;
  }
  for (const line of text.split('\n')) {
    const pid = Number(line);
    if (Number.isInteger(pid) && pid > 0) killChildGroup(pid);
  }
}
