import path from 'node:path';
import { buildOnce } from './runner-build';
import type { RuntimeRunner } from './runtime-runner';
import { detectToolchain, versionAtLeast } from './toolchain';

/** The oldest Go the runner is written for (`atomic.Bool`). */
export const MIN_GO_VERSION = '1.19';

const BINARY = process.platform === 'win32' ? 'runner.exe' : 'runner';

/** Go: `runners/go/runner.go` (standard library only), built once with `go build` into the per-user cache. */
export const goRunner: RuntimeRunner = {
  name: 'go',
  source: 'go/runner.go',
  detect: (env) =>
    detectToolchain(
      {
        name: 'go',
        envVar: 'CONCURRENCY_EXPLORER_GO',
        candidates: ['go'],
        versionArgs: ['version'],
        parseVersion: (output) => /go version go(\d+\.\d+(?:\.\d+)?)/.exec(output)?.[1] ?? null,
        tooOld: (version) => (versionAtLeast(version, MIN_GO_VERSION) ? null : `the runner needs Go ${MIN_GO_VERSION} or later`),
        installHint: `Go ${MIN_GO_VERSION} or later (Debian: golang-go)`,
      },
      env,
    ),
  prepare: async (context) => {
    const dir = await buildOnce(context, {
      what: `compiling runner.go with go${context.toolchain.version}`,
      product: BINARY,
      // GO111MODULE=off: one file with the standard library, built as it is wherever it lies (no go.mod, no downloads).
      command: (outDir) => ({
        file: context.toolchain.path,
        args: ['build', '-o', path.join(outDir, BINARY), context.sourceFile],
        env: { ...process.env, GO111MODULE: 'off', GOFLAGS: '', CGO_ENABLED: '0' },
      }),
    });
    return { command: path.join(dir, BINARY), args: [] };
  },
};
