#!/usr/bin/env node
// @ts-check
// The CLI is the built bundle out/main/cli.js. A missing or stale build is remade first, or refused with the
// reason where it cannot be (never used as it is).
import { fileURLToPath } from 'node:url';
import { buildState } from '../scripts/build/build-stamp.mjs';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
// The builder (and the child_process it needs) is loaded only when there is something to build.
if (!buildState(projectRoot).fresh) {
  const { ensureFreshBuild } = await import('../scripts/build/build-app.mjs');
  try {
    ensureFreshBuild(projectRoot, { log: (line) => process.stderr.write(`${line}\n`) });
  } catch (error) {
    process.stderr.write(`${/** @type {Error} */ (error).message}\n`);
    process.exit(1);
  }
}
/** @type {{ runCli(argv: readonly string[]): Promise<number> }} */
const { runCli } = await import(new URL('../out/main/cli.js', import.meta.url).href);
process.exitCode = await runCli(process.argv);
