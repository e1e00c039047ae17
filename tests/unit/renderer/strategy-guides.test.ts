import { describe, expect, it } from 'vitest';
import { STRATEGY_TYPES, StrategySchema } from '../../../shared/scenario';
import { STRATEGY_GUIDES, defaultStrategy, strategyCode, strategyGuide } from '../../../shared/strategies';

describe('strategy guides', () => {
  it('explain every strategy in one sentence, in the order of the schema', () => {
    expect(STRATEGY_GUIDES.map((g) => g.type)).toEqual([...STRATEGY_TYPES]);
    for (const guide of STRATEGY_GUIDES) {
      expect(guide.summary).toMatch(/^[A-Z].*\.$/);
      expect(guide.summary).not.toMatch(/\. [A-Z]/);
      expect(() => strategyGuide(guide.type)).not.toThrow();
    }
  });

  it('give every strategy a valid default, keeping a size across sized types', () => {
    for (const type of STRATEGY_TYPES) expect(StrategySchema.safeParse(defaultStrategy(type)).success).toBe(true);
    expect(defaultStrategy('workers', { type: 'pool', concurrency: 3 })).toEqual({ type: 'workers', threads: 2 });
    expect(defaultStrategy('batch', { type: 'batch', size: 3 })).toEqual({ type: 'batch', size: 3 });
  });

  it('show the plain code of each strategy with its size filled in', () => {
    expect(strategyCode({ type: 'pool', concurrency: 12 })).toContain('const limit = 12;');
    expect(strategyCode({ type: 'batch', size: 5 })).toContain('const size = 5;');
    expect(strategyCode({ type: 'workers', threads: 3 })).toContain('maxThreads: 3');
    // Tasks start in order on the first free thread, as the engine's threads take them.
    expect(strategyCode({ type: 'workers', threads: 3 })).toContain('stricterFIFO: true');
    expect(strategyCode({ type: 'allSettled' })).toContain('Promise.allSettled(tasks.map((task) => task()))');
    expect(strategyCode({ type: 'sequential' })).toContain('await task()');
    expect(strategyCode({ type: 'callbacks' })).not.toContain('Promise');
    for (const type of STRATEGY_TYPES) expect(strategyCode(defaultStrategy(type))).toMatch(/function run\(/);
  });

  it('show each form of a pool: hand-written slots, p-limit with Promise.all, p-limit with Promise.allSettled', () => {
    expect(strategyCode({ type: 'pool', concurrency: 8, onFailure: 'stop-slot' })).toContain('async function slot()');
    expect(strategyCode({ type: 'pool', concurrency: 8, onFailure: 'reject' })).toMatch(/pLimit\(8\)[\s\S]*Promise\.all\(tasks\.map\(\(task\) => limit\(task\)\)\)/);
    expect(strategyCode({ type: 'pool', concurrency: 8, onFailure: 'continue' })).toContain('Promise.allSettled(tasks.map((task) => limit(task)))');
  });
});
