import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage } from '../../../shared/errors/error-message';
import { buildKey } from './runner-files';
import type { PrepareContext } from './runtime-runner';

/** What a compiled runner's build is: the compiler command, given a fresh folder to build into. */
export interface RunnerBuild {
  /** Says what is being built, for the progress line ("compiling runner.go with go1.19.8"). */
  what: string;
  /** The file inside the build folder whose presence means the build is complete. */
  product: string;
  /** The compiler and its arguments, writing into `outDir`. */
  command(outDir: string): { file: string; args: string[]; env?: NodeJS.ProcessEnv };
}

/** A compiler that takes longer than this is stuck (a first `go build` compiles the standard library: ~1 min). */
const BUILD_TIMEOUT_MS = 10 * 60_000;
const OUTPUT_TAIL_CHARS = 2000;

function run(file: string, args: string[], env: NodeJS.ProcessEnv | undefined, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { env, signal, timeout: BUILD_TIMEOUT_MS, windowsHide: true, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error === null) return resolve();
      const output = `${stdout}${stderr}`.trim().slice(-OUTPUT_TAIL_CHARS);
      reject(new Error(`${path.basename(file)} ${args.join(' ')} failed${output === '' ? `: ${error.message}` : `:\n${output}`}`));
    });
  });
}

/**
 * Builds a runner once into the per-user cache and returns the folder that holds it: `<cacheDir>/<key>`, keyed by
 * the source's hash and the toolchain's version, so an unchanged runner is reused by every later run. The build
 * goes into a temporary folder first and is renamed into place when complete, so that a build cut short (Cancel,
 * a crash) or two runs building at once never leave a half-built runner under the key.
 */
export async function buildOnce(context: PrepareContext, build: RunnerBuild): Promise<string> {
  const key = await buildKey(context.sourceFile, context.toolchain.version);
  const finalDir = path.join(context.cacheDir, key);
  if (existsSync(path.join(finalDir, build.product))) return finalDir;
  context.progress(`${build.what} (once; later runs reuse the build)`);
  await mkdir(context.cacheDir, { recursive: true });
  const workDir = await mkdtemp(path.join(context.cacheDir, `${key}-building-`));
  try {
    const { file, args, env } = build.command(workDir);
    await run(file, args, env, context.signal);
    if (!existsSync(path.join(workDir, build.product))) throw new Error(`the build made no ${build.product}`);
    try {
      await rename(workDir, finalDir);
    } catch (error) {
      // Another run finished the same build first: its folder is as good as ours.
      if (!existsSync(path.join(finalDir, build.product))) throw error;
    }
  } catch (error) {
    throw new Error(`could not build the runner: ${errorMessage(error)}`);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  context.progress('runner built');
  return finalDir;
}
