import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { buildOnce } from './runner-build';
import type { RuntimeRunner, RuntimeStatus } from './runtime-runner';
import { detectToolchain, versionAtLeast } from './toolchain';

/** The oldest Java the runner is written for (records, switch expressions, pattern matching for instanceof). */
export const MIN_JAVA_VERSION = '17';

/**
 * `javac` of the same JDK as `java`: beside the real file (`/usr/bin/java` is a link into the JDK's own `bin/`),
 * or null when only a JRE is installed.
 */
export function javacBeside(java: string): string | null {
  const name = process.platform === 'win32' ? 'javac.exe' : 'javac';
  for (const dir of [path.dirname(java), path.dirname(realpathSync(java))]) {
    const javac = path.join(dir, name);
    if (existsSync(javac)) return javac;
  }
  return null;
}

async function detectJava(env: NodeJS.ProcessEnv): Promise<RuntimeStatus> {
  const status = await detectToolchain(
    {
      name: 'java',
      envVar: 'CONCURRENCY_EXPLORER_JAVA',
      candidates: ['java'],
      versionArgs: ['-version'],
      parseVersion: (output) => /version "(\d+(?:\.\d+)*)/.exec(output)?.[1] ?? null,
      tooOld: (version) => (versionAtLeast(version, MIN_JAVA_VERSION) ? null : `the runner needs Java ${MIN_JAVA_VERSION} or later`),
      installHint: `a JDK ${MIN_JAVA_VERSION} or later (Debian: default-jdk-headless)`,
    },
    env,
  );
  if (!status.available || status.path === null || javacBeside(status.path) !== null) return status;
  return { ...status, available: false, reason: `${status.path} has no javac beside it (a JRE only): install a JDK ${MIN_JAVA_VERSION} or later (Debian: default-jdk-headless)` };
}

/** Java: `runners/java/Runner.java` (JDK only), compiled once with `javac` into the per-user cache. */
export const javaRunner: RuntimeRunner = {
  name: 'java',
  source: 'java/Runner.java',
  detect: detectJava,
  prepare: async (context) => {
    const java = context.toolchain.path;
    const javac = javacBeside(java);
    if (javac === null) throw new Error(`${java} has no javac beside it: install a JDK ${MIN_JAVA_VERSION} or later`);
    const dir = await buildOnce(context, {
      what: `compiling Runner.java with javac ${context.toolchain.version}`,
      product: 'Runner.class',
      command: (outDir) => ({ file: javac, args: ['-encoding', 'UTF-8', '-d', outDir, context.sourceFile] }),
    });
    // -Xshare:auto: the JDK's class-data archive when there is one, for a faster start.
    return { command: java, args: ['-Xshare:auto', '-cp', dir, 'Runner'] };
  },
};
