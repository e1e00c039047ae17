import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliFixture, STACK_LINE } from './cli-fixture';

let cli: CliFixture;
let runId: number;

beforeAll(async () => {
  cli = await CliFixture.create();
  const scenarioFile = await cli.writeJson('timers.json', {
    version: 1,
    name: 'Eight timers',
    strategy: { type: 'all' },
    tasks: [{ kind: 'timer', count: 8, ms: 50 }],
  });
  const { runs } = await cli.json<{ runs: { id: number }[] }>(['run', scenarioFile, '--json']);
  runId = runs[0]!.id;
});

afterAll(async () => {
  await cli.dispose();
});

interface WhatIfJson {
  run: number;
  strategy: string;
  predicted: { wallMs: number; throughputPerSec: number; latencyMs: Record<string, number>; waitMs: Record<string, number>; maxInFlight: number };
}

describe('CLI whatif', () => {
  it('--json prints exactly { run, strategy, predicted: { wallMs, throughputPerSec, latencyMs, waitMs, maxInFlight } }', async () => {
    const out = await cli.json<WhatIfJson>(['whatif', String(runId), '--strategy', 'pool:2', '--json']);
    expect(Object.keys(out)).toEqual(['run', 'strategy', 'predicted']);
    expect(out).toMatchObject({ run: runId, strategy: 'pool:2' });
    expect(Object.keys(out.predicted)).toEqual(['wallMs', 'throughputPerSec', 'latencyMs', 'waitMs', 'maxInFlight']);
    expect(Object.keys(out.predicted.latencyMs)).toEqual(['p50', 'p90', 'p99', 'max', 'mean']);
    expect(out.predicted.maxInFlight).toBe(2);
    // Four waves of two 50 ms timers, against one wave recorded.
    const sequential = await cli.json<WhatIfJson>(['whatif', String(runId), '--strategy', 'sequential', '--json']);
    expect(sequential.predicted.wallMs).toBeGreaterThan(1.5 * out.predicted.wallMs);
    // A timer fires by the loop's cached clock, up to a millisecond before 50 ms of the recorded clock have passed.
    expect(out.predicted.wallMs).toBeGreaterThanOrEqual(4 * 49);
  });

  it('prints the recorded numbers beside the predicted ones', async () => {
    const result = await cli.run(['whatif', String(runId), '--strategy', 'workers:2']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('recorded all');
    expect(result.stdout).toContain('predicted workers:2');
    expect(result.stdout).toMatch(/wall time\s+[\d.]+ ms\s+[\d.]+ ms/);
  });

  it('refuses bad flags and unknown runs with a clear message and exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['whatif', String(runId), '--strategy', 'pool:zero'], /needs a whole number concurrency/],
      [['whatif', String(runId)], /--strategy/],
      [['whatif', '9999', '--strategy', 'all'], /no run with id 9999/],
      [['whatif', 'abc', '--strategy', 'all'], /run id must be a whole number/],
      [['whatif', String(runId), '--strategy', 'all', '--threadpool-size', '0'], /--threadpool-size/],
    ];
    for (const [args, message] of cases) {
      const result = await cli.run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(STACK_LINE);
    }
  });
});
