import { join } from 'node:path';

/** The file every `file-read` task of a group reads (prepared before the clock starts). */
export function readFilePath(scratchDir: string, group: number): string {
  return join(scratchDir, `read-group-${group}.bin`);
}

/** The file a `file-write` task writes (each task its own). */
export function writeFilePath(scratchDir: string, index: number): string {
  return join(scratchDir, `write-${index}.bin`);
}

/** The database a `sqlite` group queries (seeded with that group's `rows`). */
export function sqlitePath(scratchDir: string, group: number): string {
  return join(scratchDir, `sqlite-group-${group}.db`);
}
