import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FindingSchema } from '../../../shared/findings';
import { RunMetricsSchema } from '../../../shared/metrics/metrics-schema';
import type { RunDetail, RunSummary } from '../../../shared/run/run-schema';
import { CliFixture } from './cli-fixture';

let cli: CliFixture;
let scenarioFile: string;

interface RunJson {
  id: number | null;
  scenario: string;
  strategy: string;
  status: string;
  metrics: Record<string, unknown> | null;
  findings: unknown;
}

const METRIC_NAMES = Object.keys(RunMetricsSchema.shape);

beforeAll(async () => {
  cli = await CliFixture.create();
  scenarioFile = await cli.writeJson('timers.json', {
    version: 1,
    name: 'Eight timers',
    strategy: { type: 'all' },
    tasks: [{ kind: 'timer', count: 8, ms: 20, failRate: 0.25 }],
  });
});

afterAll(async () => {
  await cli.dispose();
});

describe('CLI end to end', () => {
  const ids: number[] = [];

  it('run --json prints only { runs: [...] } with the public metric names, and records the run', async () => {
    const { runs } = await cli.json<{ runs: RunJson[] }>(['run', scenarioFile, '--strategy', 'pool:2', '--json', '--tag', 'ci', '--tag', 'cli']);
    expect(runs).toHaveLength(1);
    const [run] = runs;
    expect(run).toMatchObject({ scenario: 'Eight timers', strategy: 'pool:2', status: 'completed' });
    expect(Object.keys(run!.metrics ?? {})).toEqual(expect.arrayContaining(METRIC_NAMES));
    expect(RunMetricsSchema.parse(run!.metrics).tasks).toBe(8);
    expect(z.array(FindingSchema).parse(run!.findings)).toEqual(run!.findings);
    expect(run!.id).toEqual(expect.any(Number));
    ids.push(run!.id!);
  });

  it('run on a terminal-less stdout prints a summary table, and exits 0 even when tasks failed', async () => {
    const { code, stdout } = await cli.run(['run', scenarioFile, '--db', cli.db]);
    expect(stdout).toMatch(/^run \d+: Eight timers \(all on Node\.js\) completed$/m);
    expect(stdout).toMatch(/^wall time\s+\S+ m?s$/m);
    expect(stdout).toMatch(/^failed\s+[1-8]$/m);
    expect(stdout).toMatch(/^findings:/m);
    expect(code).toBe(0);
    ids.push(Number(/^run (\d+)/m.exec(stdout)?.[1]));
  });

  it('run --no-save gives id null and records nothing', async () => {
    const before = (await cli.json<{ runs: RunSummary[] }>(['list', '--json'])).runs.length;
    const { runs } = await cli.json<{ runs: RunJson[] }>(['run', '--preset', 'sequential-vs-all', '--strategy', 'all', '--no-save', '--json']);
    expect(runs[0]).toMatchObject({ id: null, scenario: 'Ten timers', strategy: 'all', status: 'completed' });
    expect((await cli.json<{ runs: RunSummary[] }>(['list', '--json'])).runs).toHaveLength(before);
  });

  it('list shows the recorded runs, newest first, up to --limit', async () => {
    const { runs } = await cli.json<{ runs: RunSummary[] }>(['list', '--json']);
    expect(runs.map((r) => r.id)).toEqual([...ids].reverse());
    expect(runs[1]?.tags).toEqual(['ci', 'cli']);
    expect((await cli.json<{ runs: RunSummary[] }>(['list', '--json', '--limit', '1'])).runs.map((r) => r.id)).toEqual([ids[1]]);
    const text = await cli.run(['list']);
    expect(text.stdout).toMatch(new RegExp(`^\\s*${ids[0]}\\s+Eight timers\\s+pool:2\\s+node\\s+completed\\s+8`, 'm'));
  });

  it('show --json gives the run with its tasks, samples and findings', async () => {
    const run = await cli.json<RunDetail & { findings: unknown }>(['show', String(ids[0]), '--json']);
    expect(z.array(FindingSchema).parse(run.findings)).toEqual(run.findings);
    expect(run).toMatchObject({ id: ids[0], status: 'completed', scenarioName: 'Eight timers' });
    expect(run.tasks).toHaveLength(8);
    for (const task of run.tasks) {
      expect(Object.keys(task).sort()).toEqual(['attempts', 'endMs', 'error', 'group', 'index', 'kind', 'lane', 'observedMs', 'orphaned', 'queuedMs', 'startMs', 'status'].sort());
    }
    // `all` fails fast: a task's outcome stays its own, `orphaned` says it ended after the settle.
    expect(run.tasks.filter((t) => t.orphaned).every((t) => ['ok', 'error'].includes(t.status))).toBe(true);
    expect(run.samples.length).toBeGreaterThan(0);
    const text = await cli.run(['show', String(ids[0])]);
    expect(text.stdout).toMatch(/^run \d+: Eight timers$/m);
    expect(text.stdout).toMatch(/^\s*0\s+timer\s+8\s/m);
    expect(text.stdout).toMatch(/^findings:/m);
  });

  it('compare puts metrics side by side with ratios to the first run and a verdict', async () => {
    const text = await cli.run(['compare', String(ids[0]), String(ids[1])]);
    expect(text.stdout).toMatch(/^wall time\s+\S+ m?s\s+\S+ m?s \(\S+x (better|worse|same)\)$/m);
    expect(text.stdout).not.toMatch(/Compared as repeats/);
    const json = await cli.json<{ baseline: number; runs: { id: number; comparison: Record<string, { ratio: number | null; verdict: string }> | null }[]; repeats: unknown }>([
      'compare',
      String(ids[0]),
      String(ids[1]),
      '--json',
    ]);
    expect(json.baseline).toBe(ids[0]);
    expect(json.runs.map((r) => r.id)).toEqual(ids);
    expect(json.runs[0]?.comparison?.['wallMs']).toMatchObject({ ratio: 1, verdict: 'same' });
    expect(json.runs[1]?.comparison?.['throughputPerSec']?.verdict).toMatch(/^(better|worse|same)$/);
    expect(json.repeats).toBeNull();
  });

  it('export json -> import -> show gives the same tasks', async () => {
    const exported = cli.file('run.json');
    const wrote = await cli.run(['export', String(ids[0]), '--format', 'json', '-o', exported]);
    expect(wrote.code).toBe(0);
    const { id } = await cli.json<{ id: number }>(['import', exported, '--json']);
    expect(id).not.toBe(ids[0]);
    const original = await cli.json<RunDetail>(['show', String(ids[0]), '--json']);
    const imported = await cli.json<RunDetail>(['show', String(id), '--json']);
    expect(imported.tasks).toEqual(original.tasks);
    expect(imported.metrics).toEqual(original.metrics);
    expect(JSON.parse(await readFile(exported, 'utf8'))).toEqual(JSON.parse((await cli.run(['export', String(ids[0])])).stdout));
  });

  it('exports csv and trace on stdout', async () => {
    const csv = await cli.run(['export', String(ids[0]), '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.trim().split('\n')).toHaveLength(9);
    const trace = await cli.run(['export', String(ids[0]), '--format', 'trace']);
    expect(trace.code).toBe(0);
    expect(() => JSON.parse(trace.stdout)).not.toThrow();
  });

  it('refuses to import a file that is not an exported run, naming the problem', async () => {
    const bad = await cli.writeJson('bad-export.json', { format: 'something else' });
    const { code, stderr } = await cli.run(['import', bad]);
    expect(stderr).toContain('bad-export.json: ');
    expect(code).toBe(2);
  });

  it('delete --yes moves runs out of the history; unknown ids delete nothing', async () => {
    const unknown = await cli.run(['delete', String(ids[1]), '999', '--yes']);
    expect(unknown.stderr).toMatch(/no run with id 999.*nothing was deleted/);
    expect(unknown.code).toBe(2);
    const deleted = await cli.run(['delete', String(ids[1]), '--yes']);
    expect(deleted.stdout).toMatch(/Deleted 1 run/);
    expect(deleted.code).toBe(0);
    expect((await cli.run(['show', String(ids[1])])).code).toBe(2);
  });

  it('presets lists the built-in scenarios', async () => {
    const { presets } = await cli.json<{ presets: { id: string; variants: unknown[] }[] }>(['presets', '--json']);
    expect(presets.map((p) => p.id)).toContain('sequential-vs-all');
    expect((await cli.run(['presets'])).stdout).toMatch(/^threadpool-exhaustion\s+Thread-pool exhaustion/m);
  });
});
