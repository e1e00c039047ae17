import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_ENV_VAR, runnerSourcePath } from '../../../electron/backend/runtimes/runner-files';
import { goRunner } from '../../../electron/backend/runtimes/go-runner';
import { javaRunner } from '../../../electron/backend/runtimes/java-runner';
import type { PrepareContext, RuntimeRunner } from '../../../electron/backend/runtimes/runtime-runner';
import { metricsOf, runScenario, scenarioOn } from '../runtimes/runtime-harness';
import { TEST_RUNNER_CACHE } from './runner-harness';

const work = mkdtempSync(join(tmpdir(), 'runner-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function fileName(runner: RuntimeRunner): string {
  return runner.source.split('/').at(-1) ?? runner.source;
}

/** A prepare context on a fresh cache folder, recording the progress lines. */
async function contextFor(runner: RuntimeRunner, sourceFile: string, cacheDir: string): Promise<{ context: PrepareContext; progress: string[] } | null> {
  const status = await runner.detect(process.env);
  if (!status.available || status.path === null || status.version === null) return null;
  const progress: string[] = [];
  const context: PrepareContext = {
    toolchain: { ...status, available: true, path: status.path, version: status.version },
    sourceFile,
    cacheDir,
    progress: (message) => progress.push(message),
    signal: new AbortController().signal,
  };
  return { context, progress };
}

for (const [runner, broken, compiler] of [
  [goRunner, 'package main\n\nfunc main() {\n', /go build/],
  [javaRunner, 'public final class Runner {\n', /javac/],
] as const) {
  describe(`building the ${runner.name} runner`, () => {
    it('builds once into the cache, saying so, and reuses the build afterwards', async (test) => {
      const dir = join(work, `${runner.name}-good`);
      mkdirSync(dir, { recursive: true });
      const source = join(dir, fileName(runner));
      copyFileSync(runnerSourcePath(runner.source), source);
      const prepared = await contextFor(runner, source, join(dir, 'cache'));
      if (prepared === null) return test.skip(`${runner.name} is not installed here`);
      const first = await runner.prepare(prepared.context);
      expect(prepared.progress[0]?.startsWith(`compiling ${fileName(runner)} with `)).toBe(true);
      prepared.progress.length = 0;
      const second = await runner.prepare(prepared.context);
      expect(second).toEqual(first);
      expect(prepared.progress).toEqual([]);
    }, 600_000);

    it('fails with the compiler output when the source does not compile', async (test) => {
      const dir = join(work, `${runner.name}-broken`);
      mkdirSync(dir, { recursive: true });
      const source = join(dir, fileName(runner));
      writeFileSync(source, broken);
      const prepared = await contextFor(runner, source, join(dir, 'cache'));
      if (prepared === null) return test.skip(`${runner.name} is not installed here`);
      await expect(runner.prepare(prepared.context)).rejects.toThrow(/^could not build the runner: /);
      await expect(runner.prepare(prepared.context)).rejects.toThrow(compiler);
    }, 600_000);

    it('runs a scenario through the RunService, the metrics computed by the backend', async (test) => {
      const status = await runner.detect(process.env);
      if (!status.available) return test.skip(status.reason ?? 'not installed');
      const previous = process.env[CACHE_ENV_VAR];
      process.env[CACHE_ENV_VAR] = TEST_RUNNER_CACHE;
      try {
        const run = await runScenario(
          scenarioOn(runner.name, { strategy: { type: 'pool', concurrency: 2 }, tasks: [{ kind: 'timer', count: 6, ms: 30 }] }),
        );
        const metrics = metricsOf(run);
        expect(run.outcome.status).toBe('completed');
        expect(metrics.tasks).toBe(6);
        expect(run.records.map((record) => record.status)).toEqual(Array(6).fill('ok'));
        expect(run.lanes).toBe(2);
      } finally {
        if (previous === undefined) delete process.env[CACHE_ENV_VAR];
        else process.env[CACHE_ENV_VAR] = previous;
      }
    }, 600_000);
  });
}
