// @ts-check
// Whether out/ holds a build of the sources as they are now. Plain JavaScript: it runs before anything is built,
// at every start of the CLI, so it must be quick (a walk of the source folders with one stat per file).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What the build reads: a change to any of these makes `out/` stale. */
export const BUILD_SOURCES = ['electron', 'renderer', 'shared', 'electron.vite.config.ts', 'package.json', 'package-lock.json'];

/** One file per entry of the build; all must exist. */
export const BUILD_OUTPUTS = ['out/main/cli.js', 'out/main/engine.js', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

/** Written last by a successful build (`scripts/build/build-app.mjs`); names the sources it was made from. */
export const STAMP_FILE = 'out/build-stamp.json';

/** Bumped when the stamp's meaning changes, so that a stamp of another kind never passes as fresh. */
const STAMP_FORMAT = 1;

/**
 * @typedef {{ digest: string, newestMs: number, newestFile: string | null, files: number }} SourceFingerprint
 * The sources as they are: a digest of every file's path, size and modification time, and the newest file.
 */

/**
 * @param {string} projectRoot
 * @returns {SourceFingerprint}
 */
export function fingerprintSources(projectRoot) {
  /** @type {string[]} */
  const lines = [];
  let newestMs = 0;
  /** @type {string | null} */
  let newestFile = null;
  // Paths by plain string operations, not path.join/relative per file: this runs at every start of the CLI,
  // and those calls were half of its cost.
  const rootLength = path.resolve(projectRoot).length + 1;
  const note = (/** @type {string} */ file) => {
    const { size, mtimeMs } = statSync(file);
    const relative = path.sep === '/' ? file.slice(rootLength) : file.slice(rootLength).split(path.sep).join('/');
    lines.push(`${relative}\t${size}\t${mtimeMs}`);
    if (mtimeMs > newestMs) {
      newestMs = mtimeMs;
      newestFile = relative;
    }
  };
  for (const source of BUILD_SOURCES) {
    const top = path.resolve(projectRoot, source);
    const kind = statSync(top, { throwIfNoEntry: false });
    if (kind === undefined) continue;
    if (!kind.isDirectory()) {
      note(top);
      continue;
    }
    for (const entry of readdirSync(top, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) note(`${entry.parentPath}${path.sep}${entry.name}`);
    }
  }
  lines.sort();
  const digest = createHash('sha256').update(lines.join('\n')).digest('hex');
  return { digest, newestMs, newestFile, files: lines.length };
}

/**
 * @typedef {{ fresh: true } | { fresh: false, reason: string }} BuildState
 * Whether `out/` can be used; when not, why, in words for a person.
 */

/**
 * Compares `out/` with the sources: missing outputs, no stamp, a stamp of another format, and sources
 * added, removed or changed since the build (by size and modification time) all make it unusable.
 * A project without its sources (an installed package) has nothing to be stale against.
 * @param {string} projectRoot
 * @returns {BuildState}
 */
export function buildState(projectRoot) {
  const missing = BUILD_OUTPUTS.find((output) => !existsSync(path.join(projectRoot, output)));
  if (missing !== undefined) return { fresh: false, reason: `there is no build (${missing} is missing)` };
  const stamp = readStamp(path.join(projectRoot, STAMP_FILE));
  if (stamp === null) return { fresh: false, reason: `${STAMP_FILE} is missing or unreadable, so out/ cannot be matched to the sources` };
  if (stamp.format !== STAMP_FORMAT) return { fresh: false, reason: `${STAMP_FILE} is of another format (${String(stamp.format)}, expected ${STAMP_FORMAT})` };
  if (!existsSync(path.join(projectRoot, 'electron'))) return { fresh: true };
  const now = fingerprintSources(projectRoot);
  if (now.digest === stamp.digest) return { fresh: true };
  if (now.newestMs > stamp.newestMs && now.newestFile !== null) return { fresh: false, reason: `${now.newestFile} changed after the build` };
  if (now.files !== stamp.files) return { fresh: false, reason: `source files were ${now.files > stamp.files ? 'added' : 'removed'} after the build` };
  return { fresh: false, reason: 'the sources differ from the ones the build was made from' };
}

/**
 * Records that `out/` was built from the sources as `fingerprint` (taken before the build started, so
 * that an edit made during the build leaves it stale).
 * @param {string} projectRoot
 * @param {SourceFingerprint} fingerprint
 */
export function writeStamp(projectRoot, fingerprint) {
  const stamp = { format: STAMP_FORMAT, builtAt: new Date().toISOString(), ...fingerprint };
  writeFileSync(path.join(projectRoot, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
}

/**
 * @param {string} file
 * @returns {(SourceFingerprint & { format: unknown }) | null}
 */
function readStamp(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
