import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { strategyCodeOn } from '../../../shared/strategies';
import { goStrategyCode, type RunnerStrategy } from '../../../shared/strategies/go-code';
import { javaStrategyCode } from '../../../shared/strategies/java-code';

const STRATEGIES: RunnerStrategy[] = [
  { type: 'sequential' },
  { type: 'all' },
  { type: 'allSettled' },
  { type: 'race' },
  { type: 'any' },
  { type: 'pool', concurrency: 3, onFailure: 'stop-slot' },
  { type: 'pool', concurrency: 3, onFailure: 'reject' },
  { type: 'pool', concurrency: 3, onFailure: 'continue' },
  { type: 'batch', size: 5 },
  { type: 'workers', threads: 2 },
  { type: 'structured' },
];

function hasGofmt(): boolean {
  try {
    execFileSync('gofmt', ['-h'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    return (error as { status?: number }).status === 2;
  }
}

describe('"Show code" in Go and Java', () => {
  it('shows each strategy in its idiom, with its size filled in', () => {
    expect(goStrategyCode({ type: 'pool', concurrency: 3 })).toContain('make(chan struct{}, 3)');
    expect(goStrategyCode({ type: 'all' })).toContain('sync.WaitGroup');
    expect(goStrategyCode({ type: 'structured' })).toContain('errgroup.WithContext');
    expect(goStrategyCode({ type: 'workers', threads: 2 })).toContain('GOMAXPROCS');
    expect(javaStrategyCode({ type: 'all' })).toContain('CompletableFuture.allOf');
    expect(javaStrategyCode({ type: 'race' })).toContain('CompletableFuture.anyOf');
    expect(javaStrategyCode({ type: 'pool', concurrency: 3, onFailure: 'continue' })).toContain('Executors.newFixedThreadPool(3)');
    expect(javaStrategyCode({ type: 'batch', size: 5 })).toContain('int size = 5;');
  });

  it("has no code for callbacks, Node's own idiom, and is what Show code shows on Go and Java", () => {
    expect(goStrategyCode({ type: 'callbacks' })).toBeNull();
    expect(javaStrategyCode({ type: 'callbacks' })).toBeNull();
    expect(strategyCodeOn('go', { type: 'all' })).toBe(goStrategyCode({ type: 'all' }));
    expect(strategyCodeOn('java', { type: 'all' })).toBe(javaStrategyCode({ type: 'all' }));
  });

  it.skipIf(!hasGofmt())('shows Go that parses (gofmt -e), for every strategy', () => {
    for (const strategy of STRATEGIES) {
      const source = `package shown\n\n${goStrategyCode(strategy) ?? ''}\n`;
      expect(() => execFileSync('gofmt', ['-e'], { input: source, stdio: ['pipe', 'ignore', 'pipe'] }), JSON.stringify(strategy)).not.toThrow();
    }
  });
});
