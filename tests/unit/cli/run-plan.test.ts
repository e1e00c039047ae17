import { describe, expect, it } from 'vitest';
import { checkScenario, type Scenario } from '../../../shared/scenario';
import { planRuns, type PlanFlags } from '../../../electron/cli/run/run-plan';
import { UsageError } from '../../../electron/cli/cli-error';

function timers(): Scenario {
  const check = checkScenario({ version: 1, name: 'Timers', strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 4, ms: 1 }] });
  if (!check.ok) throw new Error('bad test scenario');
  return check.scenario;
}

function refusal(flags: PlanFlags): string {
  try {
    planRuns(timers(), flags);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error('planRuns accepted the flags');
}

const pool = (concurrency: number) => ({ type: 'pool', concurrency }) as const;

describe('planRuns', () => {
  it('runs the scenario once, with --strategy replacing its strategy', () => {
    const base = timers();
    expect(planRuns(base, { save: true })).toEqual({ kind: 'single', scenario: base });
    expect(planRuns(base, { save: false, strategy: pool(3) })).toEqual({ kind: 'single', scenario: { ...base, strategy: pool(3) } });
    expect(base.strategy).toEqual({ type: 'all' });
  });

  it('makes a repeat (with --strategy and warm-ups), a matrix in the given order, or a sweep', () => {
    const base = timers();
    expect(planRuns(base, { save: true, repeat: 3, warmup: 1, strategy: pool(2) })).toEqual({
      kind: 'experiment',
      spec: { kind: 'repeat', scenario: { ...base, strategy: pool(2) }, repeat: 3, warmup: 1 },
    });
    expect(planRuns(base, { save: true, repeat: 2 })).toMatchObject({ spec: { kind: 'repeat', repeat: 2, warmup: 0 } });
    const strategies = [{ type: 'sequential' } as const, { type: 'all' } as const, pool(4)];
    expect(planRuns(base, { save: true, matrix: strategies })).toEqual({ kind: 'experiment', spec: { kind: 'matrix', scenario: base, strategies } });
    const pooled = { ...base, strategy: { type: 'pool', concurrency: 6, onFailure: 'continue' } as const };
    expect(planRuns(pooled, { save: true, matrix: ['pool', pool(20), 'batch'] })).toMatchObject({
      spec: { strategies: [{ type: 'pool', concurrency: 6, onFailure: 'continue' }, pool(20), { type: 'batch', size: 8 }] },
    });
    expect(planRuns(base, { save: true, sweep: { maxConcurrency: 8 } })).toEqual({ kind: 'experiment', spec: { kind: 'sweep', scenario: base, maxConcurrency: 8 } });
    expect(planRuns(base, { save: true, sweep: { concurrencies: [5, 10] } })).toMatchObject({ spec: { kind: 'sweep', concurrencies: [5, 10] } });
  });

  it('refuses combinations that mean nothing, naming the flags', () => {
    expect(refusal({ save: true, matrix: [pool(1)], sweep: { maxConcurrency: 4 } })).toMatch(/^--matrix and --sweep cannot be used together/);
    expect(refusal({ save: true, repeat: 2, matrix: [pool(1)] })).toMatch(/^--repeat and --matrix cannot be used together/);
    expect(refusal({ save: true, matrix: [pool(1)], strategy: pool(2) })).toMatch(/^--matrix sets the strategy of every run: leave out --strategy/);
    expect(refusal({ save: true, sweep: { maxConcurrency: 4 }, strategy: pool(2) })).toMatch(/^--sweep sets the strategy/);
    expect(refusal({ save: true, warmup: 1 })).toMatch(/^--warmup goes with --repeat/);
    expect(refusal({ save: true, warmup: 1, sweep: { maxConcurrency: 4 } })).toMatch(/^--warmup goes with --repeat/);
    expect(refusal({ save: false, sweep: { maxConcurrency: 4 } })).toMatch(/^--sweep stores its runs .* cannot be used with --no-save/);
  });

  it('checks the experiment against its limits', () => {
    expect(refusal({ save: true, repeat: 1000 })).toBe('experiment: repeat: must be a whole number <= 100, got 1000');
  });
});
