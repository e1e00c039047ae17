import { mkdirSync, mkdtempSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { isProcessAlive } from '../history/process-alive';

/** `run-<owner pid>-<random>`: the owner is the process that records the run (CLI, host or app). */
const SCRATCH_NAME = /^run-(\d+)-[^/\\]+$/;

/**
 * Makes a fresh scratch folder for one run under `root`, named after this process. Synchronous calls (a run waits
 * for them): through the thread pool they cost a round trip each, 15-25 ms on a loaded machine.
 */
export async function makeScratchFolder(root: string): Promise<string> {
  mkdirSync(root, { recursive: true });
  return mkdtempSync(path.join(root, `run-${process.pid}-`));
}

/**
 * Removes the scratch folders under `root` whose owner process has died (a CLI or app killed mid-run could not
 * remove them itself); returns how many. Folders of live owners, and anything not named like a scratch folder,
 * stay. Never throws: a folder that cannot be removed now is tried again at the next start.
 */
export async function removeAbandonedScratchFolders(root: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const owner = SCRATCH_NAME.exec(name)?.[1];
    if (owner === undefined || Number(owner) === process.pid || isProcessAlive(Number(owner))) continue;
    try {
      await rm(path.join(root, name), { recursive: true, force: true, maxRetries: 3 });
      removed += 1;
    } catch {
      // Still in use or not ours to remove: the next start tries again.
    }
  }
  return removed;
}
