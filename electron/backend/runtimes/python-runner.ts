import { detectToolchain, versionAtLeast } from './toolchain';
import type { RuntimeRunner } from './runtime-runner';

/** The oldest Python the runner is written for (`asyncio.to_thread`). */
export const MIN_PYTHON_VERSION = '3.9';

/** Python asyncio: `runners/python/runner.py` runs as it is, with no build. */
export const pythonRunner: RuntimeRunner = {
  name: 'python',
  source: 'python/runner.py',
  detect: (env) =>
    detectToolchain(
      {
        name: 'python',
        envVar: 'CONCURRENCY_EXPLORER_PYTHON',
        candidates: process.platform === 'win32' ? ['python', 'py'] : ['python3', 'python'],
        versionArgs: ['--version'],
        parseVersion: (output) => /Python (\d+\.\d+(?:\.\d+)?)/.exec(output)?.[1] ?? null,
        tooOld: (version) => (versionAtLeast(version, MIN_PYTHON_VERSION) ? null : `the runner needs Python ${MIN_PYTHON_VERSION} or later`),
        installHint: `Python ${MIN_PYTHON_VERSION} or later (python3)`,
      },
      env,
    ),
  // -u: unbuffered stdout, so every event line leaves at once; -X utf8: the same text encoding on every platform.
  prepare: async ({ toolchain, sourceFile }) => ({ command: toolchain.path, args: ['-u', '-X', 'utf8', sourceFile] }),
};
