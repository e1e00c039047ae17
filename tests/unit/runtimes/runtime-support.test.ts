import { describe, expect, it } from 'vitest';
import { compareRuntimes } from '../../../shared/experiments/compare-runtimes';
import { checkScenario, type Scenario } from '../../../shared/scenario';

const base = { version: 1, name: 'x', strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 2, ms: 10 }] };

function problemsOf(input: unknown): string[] {
  const check = checkScenario(input);
  return check.ok ? [] : check.problems.map((p) => `${p.path}: ${p.message}`);
}

function scenario(input: Record<string, unknown>): Scenario {
  const check = checkScenario({ ...base, ...input });
  if (!check.ok) throw new Error(JSON.stringify(check.problems));
  return check.scenario;
}

describe('the scenario runtime', () => {
  it('defaults to node', () => {
    expect(scenario({}).runtime).toBe('node');
  });

  it('refuses an unknown runtime, naming the known ones', () => {
    expect(problemsOf({ ...base, runtime: 'ruby' }).join('\n')).toMatch(/node.*python.*go.*java/);
  });

  it('refuses callbacks outside Node, naming the strategy and the runtime', () => {
    expect(problemsOf({ ...base, runtime: 'python', strategy: { type: 'callbacks' } })).toEqual([
      expect.stringMatching(/strategy callbacks has no idiom in Python; it runs on Node\.js/),
    ]);
    expect(problemsOf({ ...base, runtime: 'node', strategy: { type: 'callbacks' } })).toEqual([]);
  });

  it('refuses sqlite on Go and Java, naming both, and takes it on Python', () => {
    const sqlite = { tasks: [{ kind: 'timer', count: 1, ms: 1 }, { kind: 'sqlite', count: 1 }] };
    expect(problemsOf({ ...base, ...sqlite, runtime: 'go' })).toEqual([
      expect.stringMatching(/tasks\[1\]\.kind.*task kind sqlite is not supported in Go; it runs on Node\.js, Python/),
    ]);
    expect(problemsOf({ ...base, ...sqlite, runtime: 'java' })).toHaveLength(1);
    expect(problemsOf({ ...base, ...sqlite, runtime: 'python' })).toEqual([]);
  });

  it('keeps the built-in target in the engine (options.target "in-engine") on Node only, naming the runtime', () => {
    const inEngine = { options: { target: 'in-engine' }, tasks: [{ kind: 'http', count: 1 }] };
    expect(problemsOf({ ...base, ...inEngine, runtime: 'go' })).toEqual([
      expect.stringMatching(/options\.target.*target in-engine keeps the built-in HTTP target inside the Node engine, which Go has not/),
    ]);
    expect(problemsOf({ ...base, ...inEngine, runtime: 'node' })).toEqual([]);
    expect(compareRuntimes(scenario(inEngine), ['node', 'python']).leftOut.map((l) => l.runtime)).toEqual(['python', 'go', 'java']);
  });
});

describe('Compare runtimes', () => {
  it('runs the scenario on every available runtime, its own first, and says which it left out and why', () => {
    const { spec, leftOut } = compareRuntimes(scenario({ runtime: 'python' }), ['node', 'python', 'go']);
    expect(spec?.kind === 'variants' && spec.variants.map((v) => [v.label, v.scenario.runtime])).toEqual([
      ['Python', 'python'],
      ['Node.js', 'node'],
      ['Go', 'go'],
    ]);
    expect(leftOut).toEqual([{ runtime: 'java', reason: 'Java is not installed here' }]);
  });

  it('leaves out the runtimes that cannot run the scenario, and makes nothing with fewer than two', () => {
    const { spec, leftOut } = compareRuntimes(scenario({ strategy: { type: 'callbacks' } }), ['node', 'python', 'go', 'java']);
    expect(spec).toBeNull();
    expect(leftOut.map((l) => l.runtime)).toEqual(['python', 'go', 'java']);
  });
});
