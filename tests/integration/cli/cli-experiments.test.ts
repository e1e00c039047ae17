import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../shared/run/run-schema';
import type { ReopenedExperiment } from '../../../shared/experiments/experiment-summary';
import type { SampleSummary } from '../../../shared/stats/sample-summary';
import type { SweepResult } from '../../../shared/stats/sweep';
import { CliFixture } from './cli-fixture';

let cli: CliFixture;
let scenarioFile: string;

interface ExperimentJson {
  runs: { id: number; scenario: string; strategy: string; status: string; metrics: { wallMs: number } | null }[];
  experimentId: number;
  stats?: { wallMs: SampleSummary; throughputPerSec: SampleSummary } | null;
  sweep?: SweepResult;
}

beforeAll(async () => {
  cli = await CliFixture.create();
  scenarioFile = await cli.writeJson('timers.json', {
    version: 1,
    name: 'Eight timers',
    strategy: { type: 'all' },
    tasks: [{ kind: 'timer', count: 8, ms: 20 }],
  });
});

afterAll(async () => {
  await cli.dispose();
});

function expectSummary(summary: SampleSummary | undefined, n: number): void {
  expect(summary?.n).toBe(n);
  const [lo, hi] = summary?.ci95 ?? [NaN, NaN];
  expect(lo).toBeLessThanOrEqual(summary!.mean);
  expect(hi).toBeGreaterThanOrEqual(summary!.mean);
  expect(summary?.sd).toEqual(expect.any(Number));
}

describe('CLI experiments', () => {
  const experiments: Record<'repeat' | 'matrix' | 'sweep', ExperimentJson | null> = { repeat: null, matrix: null, sweep: null };

  it('--repeat 3 --warmup 1 --json: three stored runs and stats with mean and 95% CI; the warm-up is not stored', async () => {
    const result = await cli.json<ExperimentJson>(['run', scenarioFile, '--repeat', '3', '--warmup', '1', '--strategy', 'pool:4', '--tag', 'exp', '--json']);
    experiments.repeat = result;
    expect(result.runs).toHaveLength(3);
    expect(result.runs.map((r) => [r.strategy, r.status])).toEqual(Array(3).fill(['pool:4', 'completed']));
    expect(result.experimentId).toEqual(expect.any(Number));
    expectSummary(result.stats?.wallMs, 3);
    expectSummary(result.stats?.throughputPerSec, 3);
    expect(result.sweep).toBeUndefined();
    const { runs } = await cli.json<{ runs: RunSummary[] }>(['list', '--json']);
    expect(runs.map((r) => r.id).sort()).toEqual(result.runs.map((r) => r.id).sort());
    expect(runs.every((r) => r.experimentId === result.experimentId && r.tags.includes('exp'))).toBe(true);
  });

  it('--matrix sequential,all,pool:4: one run per strategy, in that order', async () => {
    const result = await cli.json<ExperimentJson>(['run', scenarioFile, '--matrix', 'sequential,all,pool:4', '--json']);
    experiments.matrix = result;
    expect(result.runs.map((r) => r.strategy)).toEqual(['sequential', 'all', 'pool:4']);
    expect(result.runs.map((r) => r.id)).toEqual([...result.runs.map((r) => r.id)].sort((a, b) => a - b));
    expect(result.runs.every((r) => r.status === 'completed')).toBe(true);
    expect(result.stats).toBeUndefined();
    // Eight 20 ms timers one after another take at least 160 ms; all at once, about 20 ms.
    expect(result.runs[0]!.metrics!.wallMs).toBeGreaterThan(result.runs[1]!.metrics!.wallMs);
  });

  it('--sweep pool:1..8: concurrencies 1, 2, 4, 8 ascending and a sweep object', async () => {
    const result = await cli.json<ExperimentJson>(['run', scenarioFile, '--sweep', 'pool:1..8', '--json']);
    experiments.sweep = result;
    expect(result.runs.map((r) => r.strategy)).toEqual(['pool:1', 'pool:2', 'pool:4', 'pool:8']);
    expect(result.sweep?.points.map((p) => p.concurrency)).toEqual([1, 2, 4, 8]);
    expect(result.sweep?.points.every((p) => p.throughput > 0 && p.p99 > 0)).toBe(true);
    expect(result.sweep).toHaveProperty('knee');
  });

  it('prints an experiment it ran as a table of its runs and its findings', async () => {
    const { code, stdout } = await cli.run(['run', scenarioFile, '--repeat', '2']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^experiment \d+: Repeat x2: Eight timers$/m);
    expect(stdout).toMatch(/^\s*\d+\s+Eight timers \(repeat 2\/2\)\s+all on Node\.js\s+completed/m);
    expect(stdout).toMatch(/^wall time\s+\S+ m?s\s+\S+ m?s\s+\S+ m?s \.\. \S+ m?s(\s+\S+ m?s){3}\s+\S+%\s+2$/m);
  });

  it('show --experiment reopens an experiment: its runs in order and its statistics, as JSON and as text', async () => {
    const repeat = experiments.repeat!;
    const reopened = await cli.json<ReopenedExperiment>(['show', '--experiment', String(repeat.experimentId), '--json']);
    expect(reopened).toMatchObject({ id: repeat.experimentId, kind: 'repeat', params: { repeat: 3, warmup: 1 } });
    expect(reopened.runs.map((r) => r.id)).toEqual(repeat.runs.map((r) => r.id));
    expect(reopened.stats).toEqual(repeat.stats);

    const sweep = experiments.sweep!;
    expect((await cli.json<ReopenedExperiment>(['show', String(sweep.experimentId), '--experiment', '--json'])).sweep).toEqual(sweep.sweep);

    const matrix = experiments.matrix!;
    const text = await cli.run(['show', '--experiment', String(matrix.experimentId)]);
    expect(text.stdout).toMatch(/^kind: matrix {3}runs: 3/m);
    for (const run of matrix.runs) expect(text.stdout).toMatch(new RegExp(`^\\s*${run.id}\\s+Eight timers \\(${run.strategy}\\)`, 'm'));
    expect(text.stdout).toMatch(/^metric\s+sequential\s+all\s+pool:4$/m);
    expect(text.stdout).toMatch(/^wall time\s+\S+ m?s\s+\S+ m?s \(\S+x better\)/m);
  });

  it('list --experiments lists them newest first', async () => {
    const { experiments: listed } = await cli.json<{ experiments: { id: number; kind: string; runCount: number }[] }>(['list', '--experiments', '--json']);
    expect(listed.slice(1).map((e) => [e.id, e.kind, e.runCount])).toEqual([
      [experiments.sweep!.experimentId, 'sweep', 4],
      [experiments.matrix!.experimentId, 'matrix', 3],
      [experiments.repeat!.experimentId, 'repeat', 3],
    ]);
  });

  it('compare shows a run of a repeat as its whole repeat: mean ± 95% CI and the Welch verdict', async () => {
    const repeatRun = experiments.repeat!.runs[0]!.id;
    const matrixRun = experiments.matrix!.runs[1]!.id;
    const text = await cli.run(['compare', String(repeatRun), String(matrixRun)]);
    expect(text.stdout).toMatch(/^wall time\s+\S+ m?s\s+\S+ m?s \(\S+x (better|worse|same)\)$/m);
    expect(text.stdout).toMatch(/^Compared as repeats/m);
    expect(text.stdout).toMatch(/^wall time\s+[\d.]+ ± [\d.]+ ms \(95% CI, n=3\)\s+[\d.]+ ms \(n=1\)\s+\S+x (better|worse|same), not tested$/m);
    const json = await cli.json<{ repeats: { groups: { experimentId: number | null; runIds: number[] }[] } | null }>([
      'compare',
      String(repeatRun),
      String(matrixRun),
      '--json',
    ]);
    expect(json.repeats?.groups).toEqual([
      expect.objectContaining({ experimentId: experiments.repeat!.experimentId, runIds: experiments.repeat!.runs.map((r) => r.id) }),
      expect.objectContaining({ experimentId: null, runIds: [matrixRun] }),
    ]);
  });

  it('--sweep pool:3,12,6: the sizes ascending, twelve cut to the eight tasks; --matrix takes one type twice, pool:8:continue as such', async () => {
    const sweep = await cli.json<ExperimentJson>(['run', scenarioFile, '--sweep', 'pool:3,12,6', '--json']);
    expect(sweep.runs.map((r) => r.strategy)).toEqual(['pool:3', 'pool:6', 'pool:8']);
    const matrix = await cli.json<ExperimentJson>(['run', scenarioFile, '--matrix', 'pool:2,pool:8:continue', '--json']);
    expect(matrix.runs.map((r) => r.strategy)).toEqual(['pool:2', 'pool:8:continue']);
  });
});
