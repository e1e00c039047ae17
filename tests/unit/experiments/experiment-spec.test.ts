import { describe, expect, it } from 'vitest';
import { experimentName, experimentParams, planExperiment, storedExperimentKind } from '../../../shared/experiments/experiment-plan';
import { checkExperimentSpec, type ExperimentSpec } from '../../../shared/experiments/experiment-spec';

const scenario = {
  version: 1,
  name: 'Timers',
  strategy: { type: 'all' },
  tasks: [{ kind: 'timer', count: 4, ms: 5 }],
};

function specOf(input: unknown): ExperimentSpec {
  const result = checkExperimentSpec(input);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.spec;
}

function problemsOf(input: unknown): string[] {
  const result = checkExperimentSpec(input);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('checkExperimentSpec', () => {
  it('accepts each kind and fills in defaults', () => {
    expect(specOf({ kind: 'repeat', scenario, repeat: 3 })).toMatchObject({ warmup: 0, scenario: { options: { seed: 1 } } });
    expect(specOf({ kind: 'matrix', scenario, strategies: [{ type: 'sequential' }] }).kind).toBe('matrix');
    expect(specOf({ kind: 'sweep', scenario, maxConcurrency: 8 }).kind).toBe('sweep');
  });

  it('names the field and the value that are wrong', () => {
    expect(problemsOf({ kind: 'repeat', scenario, repeat: 0, warmup: -1 })).toEqual([
      'repeat: must be a whole number >= 1, got 0',
      'warmup: must be a whole number >= 0, got -1',
    ]);
    expect(problemsOf({ kind: 'sweep', scenario, maxConcurrency: 2.5 })).toEqual(['maxConcurrency: must be a whole number >= 1, got 2.5']);
    expect(problemsOf({ kind: 'matrix', scenario, strategies: [] })).toEqual(['strategies: must have at least 1 item(s)']);
  });

  it('reports problems inside the scenario with their full path', () => {
    const bad = { ...scenario, tasks: [{ kind: 'timer', count: -4, ms: 5 }] };
    expect(problemsOf({ kind: 'repeat', scenario: bad, repeat: 2 })).toEqual(['scenario.tasks[0].count: must be a whole number >= 1, got -4']);
  });

  it('refuses an unknown kind', () => {
    expect(problemsOf({ kind: 'shuffle', scenario })).toEqual(['kind: has no valid "kind", got "shuffle"']);
  });
});

describe('planExperiment', () => {
  it('runs warm-ups first, then the counted repeats', () => {
    const plan = planExperiment(specOf({ kind: 'repeat', scenario, repeat: 2, warmup: 1 }));
    expect(plan.map((p) => [p.label, p.warmup])).toEqual([
      ['warm-up 1/1', true],
      ['repeat 1/2', false],
      ['repeat 2/2', false],
    ]);
  });

  it('runs a matrix in the given order of strategies', () => {
    const spec = specOf({ kind: 'matrix', scenario, strategies: [{ type: 'pool', concurrency: 2 }, { type: 'sequential' }, { type: 'all' }] });
    expect(planExperiment(spec).map((p) => p.scenario.strategy)).toEqual([{ type: 'pool', concurrency: 2 }, { type: 'sequential' }, { type: 'all' }]);
    expect(planExperiment(spec).map((p) => p.label)).toEqual(['pool:2', 'sequential', 'all']);
  });

  it('sweeps a pool by powers of two up to the maximum, which is included', () => {
    const plan = planExperiment(specOf({ kind: 'sweep', scenario: { ...scenario, tasks: [{ kind: 'timer', count: 40, ms: 5 }] }, maxConcurrency: 6 }));
    expect(plan.map((p) => p.scenario.strategy)).toEqual([1, 2, 4, 6].map((concurrency) => ({ type: 'pool', concurrency })));
    expect(plan.every((p) => p.scenario.tasks === plan[0]?.scenario.tasks)).toBe(true);
  });

  it('never sweeps past the task count', () => {
    expect(planExperiment(specOf({ kind: 'sweep', scenario, maxConcurrency: 64 })).map((p) => p.label)).toEqual(['pool:1', 'pool:2', 'pool:4']);
    const thirty = { ...scenario, tasks: [{ kind: 'timer', count: 30, ms: 5 }] };
    expect(planExperiment(specOf({ kind: 'sweep', scenario: thirty, concurrencies: [40, 5, 20, 10] })).map((p) => p.label)).toEqual([
      'pool:5',
      'pool:10',
      'pool:20',
      'pool:30',
    ]);
  });

  it('sweeps an explicit list in ascending order, keeping the scenario pool\'s onFailure', () => {
    const pooled = { ...scenario, strategy: { type: 'pool', concurrency: 2, onFailure: 'continue' }, tasks: [{ kind: 'timer', count: 50, ms: 5 }] };
    const plan = planExperiment(specOf({ kind: 'sweep', scenario: pooled, concurrencies: [5, 10, 20, 40] }));
    expect(plan.map((p) => p.label)).toEqual(['pool:5:continue', 'pool:10:continue', 'pool:20:continue', 'pool:40:continue']);
  });

  it('takes a sweep\'s maximum or its list, never both or neither', () => {
    const message = 'concurrencies: give either maxConcurrency (1, 2, 4, ... up to it) or concurrencies (a list such as [5, 10, 20, 40]), not both or neither';
    expect(problemsOf({ kind: 'sweep', scenario, maxConcurrency: 4, concurrencies: [2] })).toEqual([message]);
    expect(problemsOf({ kind: 'sweep', scenario })).toEqual([message]);
    expect(problemsOf({ kind: 'sweep', scenario, concurrencies: [] })).toEqual(['concurrencies: must have at least 1 item(s)']);
  });

  it('runs variants (whole scenarios) in order, each under its own name, stored as a matrix', () => {
    const spec = specOf({
      kind: 'variants',
      variants: [
        { label: 'one thread', scenario: { ...scenario, name: 'Hashes — one thread', options: { threadpoolSize: 1 } } },
        { label: 'four threads', scenario: { ...scenario, name: 'Hashes — four threads', options: { threadpoolSize: 4 } } },
      ],
    });
    expect(planExperiment(spec).map((p) => [p.label, p.name, p.scenario.options.threadpoolSize])).toEqual([
      ['one thread', 'Hashes — one thread', 1],
      ['four threads', 'Hashes — four threads', 4],
    ]);
    expect(storedExperimentKind(spec)).toBe('matrix');
    expect(experimentName(spec)).toBe('All 2 variants: Hashes — one thread');
  });

  it('runs the same strategy type twice in a matrix with different sizes', () => {
    const spec = specOf({ kind: 'matrix', scenario, strategies: [{ type: 'pool', concurrency: 5 }, { type: 'pool', concurrency: 20 }, { type: 'all' }] });
    expect(planExperiment(spec).map((p) => p.label)).toEqual(['pool:5', 'pool:20', 'all']);
    expect(experimentParams(spec)).toEqual({ scenarioName: 'Timers', strategies: ['pool:5', 'pool:20', 'all'] });
  });
});

describe('experimentName and experimentParams', () => {
  it('names an experiment after its kind and scenario unless it has a name', () => {
    expect(experimentName(specOf({ kind: 'repeat', scenario, repeat: 3 }))).toBe('Repeat x3: Timers');
    expect(experimentName(specOf({ kind: 'sweep', name: 'Mine', scenario, maxConcurrency: 3 }))).toBe('Mine');
  });

  it('records what the experiment varied', () => {
    expect(experimentParams(specOf({ kind: 'sweep', scenario, maxConcurrency: 3 }))).toEqual({
      scenarioName: 'Timers',
      maxConcurrency: 3,
      concurrencies: [1, 2, 3],
    });
    expect(experimentName(specOf({ kind: 'sweep', scenario, concurrencies: [3, 1] }))).toBe('Sweep of pool:1,3: Timers');
    expect(experimentParams(specOf({ kind: 'matrix', scenario, strategies: [{ type: 'batch', size: 2 }] }))).toEqual({
      scenarioName: 'Timers',
      strategies: ['batch:2'],
    });
  });
});
