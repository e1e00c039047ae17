import { describe, expect, it } from 'vitest';
import type { ExperimentRun, ReopenedExperiment } from '../../../shared/experiments/experiment-summary';
import type { Strategy } from '../../../shared/scenario';
import { repeatStats } from '../../../shared/stats/sample-summary';
import { sweepResult } from '../../../shared/stats/sweep';
import { renderExperiment, renderRepeatStats, renderSweep } from '../../../electron/cli/format/experiment-text';
import { metricsWith } from '../stats/metrics-fixture';

const at = (throughputPerSec: number, p99: number) => metricsWith({ throughputPerSec, latencyMs: { p50: 1, p90: 2, p99, max: p99, mean: 1 } });

function run(id: number, strategy: Strategy, wallMs: number | null): ExperimentRun {
  return {
    id,
    name: `Timers (#${id})`,
    scenarioName: 'Timers',
    strategy,
    runtimeName: 'node',
    status: wallMs === null ? 'failed' : 'completed',
    createdAt: '2026-01-01T00:00:00.000Z',
    finishedAt: null,
    wallMs,
    tasks: 4,
    failures: 0,
    recordVersion: 2,
    tags: [],
    notes: '',
    experimentId: 1,
    error: null,
    scenarioDir: null,
    metrics: wallMs === null ? null : metricsWith({ wallMs }),
  };
}

describe('repeat statistics', () => {
  it('shows mean, sd, 95% CI, min, median, max, cv and n of every compared metric, and warns about noise', () => {
    const text = renderRepeatStats(repeatStats([metricsWith({ wallMs: 100 }), metricsWith({ wallMs: 110 }), metricsWith({ wallMs: 120 })]));
    expect(text).toMatch(/^wall time\s+110\.0 ms\s+10\.0 ms\s+85\.2 ms \.\. 134\.8 ms\s+100\.0 ms\s+110\.0 ms\s+120\.0 ms\s+9\.1%\s+3$/m);
    expect(text).toMatch(/^throughput\s+100 \/s\s+0 \/s\s+100 \/s \.\. 100 \/s\s+100 \/s\s+100 \/s\s+100 \/s\s+0\.0%\s+3$/m);
    expect(text).toMatch(/^latency p99\s/m);
    expect(text).not.toMatch(/warning/);
    const noisy = renderRepeatStats(repeatStats([metricsWith({ wallMs: 100 }), metricsWith({ wallMs: 200 })]));
    expect(noisy).toMatch(/^warning: wall time: noisy: the runs vary by 47% of their mean$/m);
    expect(renderRepeatStats(repeatStats([metricsWith()]))).toMatch(/^wall time\s+1\.00 s\s+-\s+-\s+1\.00 s\s+1\.00 s\s+1\.00 s\s+-\s+1$/m);
    expect(renderRepeatStats(null)).toMatch(/no statistics/);
  });
});

describe('sweep table', () => {
  it('marks the knee and says why', () => {
    const text = renderSweep(
      sweepResult([
        { concurrency: 1, metrics: at(100, 10) },
        { concurrency: 2, metrics: at(200, 10) },
        { concurrency: 4, metrics: at(205, 30) },
      ]),
    );
    expect(text).toMatch(/^\s+2\s+200 \/s\s+10\.0 ms\s+<- knee$/m);
    expect(text).not.toMatch(/^\s+4 .*knee/m);
    expect(text).toMatch(/^Knee at concurrency 2: beyond concurrency 2 no step adds 10% throughput/m);
  });

  it('says when there is no knee, and when no run completed', () => {
    const rising = renderSweep(sweepResult([1, 2, 4].map((c) => ({ concurrency: c, metrics: at(100 * c, 10) }))));
    expect(rising).toMatch(/^No knee: /m);
    expect(rising).not.toMatch(/<- knee/);
    expect(renderSweep({ points: [], knee: null })).toMatch(/no curve/);
  });
});

describe('an experiment as a whole', () => {
  const base = { id: 3, name: 'Matrix of 3: Timers', params: {}, createdAt: '2026-01-01T00:00:00.000Z' };

  it('lists its runs in order, then compares a matrix with its first run', () => {
    const matrix: ReopenedExperiment = {
      ...base,
      kind: 'matrix',
      runs: [run(10, { type: 'sequential' }, 400), run(11, { type: 'all' }, 100), run(12, { type: 'pool', concurrency: 4 }, null)],
    };
    const text = renderExperiment(matrix);
    expect(text).toMatch(/^experiment 3: Matrix of 3: Timers\nkind: matrix {3}runs: 3/);
    expect(text.match(/^\s*1[012]\s+Timers/gm)?.map((line) => line.trim().slice(0, 2))).toEqual(['10', '11', '12']);
    expect(text).toMatch(/^metric\s+sequential\s+all\s+pool:4$/m);
    expect(text).toMatch(/^wall time\s+400\.0 ms\s+100\.0 ms \(0\.25x better\)\s+-$/m);
  });

  it("lists a built-in scenario's expectations under a run of its variants, with a miss's likely reason", () => {
    const check = { met: false, measured: 400, reference: 200, ratio: 2, expectation: { metric: 'wallMs' as const, variant: 'sequential', op: '>=' as const, factor: 3, of: 'all' } };
    const expectations = [
      { check: { ...check, met: true }, sentence: 'As expected: sequential: peak in flight 1 (expected <= 1).', reason: null, reasonText: null },
      { check, sentence: 'Not as expected: sequential took 2.0x Promise.all (expected >= 3.0x).', reason: 'busy-machine' as const, reasonText: 'the machine is busy: load average 3.5 over its 2 cores' },
    ];
    const variants: ReopenedExperiment = { ...base, kind: 'matrix', runs: [run(20, { type: 'sequential' }, 400), run(21, { type: 'all' }, 200)], expectations };
    expect(renderExperiment(variants)).toContain(
      'expectations of the built-in scenario:\n  As expected: sequential: peak in flight 1 (expected <= 1).\n' +
        '  Not as expected: sequential took 2.0x Promise.all (expected >= 3.0x). Likely reason: the machine is busy: load average 3.5 over its 2 cores.\n',
    );
  });

  it('names the columns of a matrix of variants that share a strategy by their runs', () => {
    const variants: ReopenedExperiment = { ...base, kind: 'matrix', runs: [run(20, { type: 'all' }, 400), run(21, { type: 'all' }, 100)] };
    expect(renderExperiment(variants)).toMatch(/^metric\s+Timers \(#20\)\s+Timers \(#21\)$/m);
  });

  it('adds the statistics of a repeat and the curve of a sweep; says when every run was deleted', () => {
    const runs = [run(1, { type: 'all' }, 100), run(2, { type: 'all' }, 120)];
    const repeat: ReopenedExperiment = { ...base, kind: 'repeat', runs, stats: repeatStats(runs.flatMap((r) => (r.metrics ? [r.metrics] : []))) };
    expect(renderExperiment(repeat)).toMatch(/^wall time\s+110\.0 ms/m);
    const sweep: ReopenedExperiment = { ...base, kind: 'sweep', runs, sweep: { points: [{ concurrency: 1, throughput: 50, p99: 4 }], knee: null } };
    expect(renderExperiment(sweep)).toMatch(/^\s+1\s+50 \/s\s+4\.00 ms$/m);
    expect(renderExperiment({ ...repeat, runs: [] })).toMatch(/no runs left/);
  });
});
