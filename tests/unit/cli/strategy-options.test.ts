import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { matrixOption, strategyOption, sweepOption, wholeNumberOption } from '../../../electron/cli/options';

function rejection(parse: (text: string) => unknown, text: string): string {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return (error as Error).message;
  }
  throw new Error(`"${text}" was accepted`);
}

describe('--strategy', () => {
  it('reads the short form, and names the problem of a bad one', () => {
    expect(strategyOption('batch:10')).toEqual({ type: 'batch', size: 10 });
    expect(strategyOption('pool:8:continue')).toEqual({ type: 'pool', concurrency: 8, onFailure: 'continue' });
    expect(rejection(strategyOption, 'pool:8:ignore')).toMatch(/a pool's onFailure is one of stop-slot, reject, continue/);
    expect(rejection(strategyOption, 'pool:x')).toMatch(/needs a whole number concurrency, as in pool:4/);
  });
});

describe('--matrix', () => {
  it('reads strategies in the order given', () => {
    expect(matrixOption('sequential, all,pool:4,workers:2')).toEqual([
      { type: 'sequential' },
      { type: 'all' },
      { type: 'pool', concurrency: 4 },
      { type: 'workers', threads: 2 },
    ]);
  });

  it('keeps a bare sized type for the scenario to size, and takes one type twice', () => {
    expect(matrixOption('pool,pool:20,all')).toEqual(['pool', { type: 'pool', concurrency: 20 }, { type: 'all' }]);
  });

  it('names a bad strategy, an empty item and too many strategies', () => {
    expect(rejection(matrixOption, 'all,fastest')).toMatch(/^unknown strategy "fastest": use one of/);
    expect(rejection(matrixOption, 'all,,pool:2')).toMatch(/separated by commas/);
    expect(rejection(matrixOption, Array(21).fill('all').join(','))).toBe('a matrix has at most 20 strategies, got 21');
  });
});

describe('--sweep', () => {
  it('reads the highest concurrency of pool:1..N', () => {
    expect(sweepOption('pool:1..8')).toEqual({ maxConcurrency: 8 });
    expect(sweepOption('pool:1..1')).toEqual({ maxConcurrency: 1 });
  });

  it('reads a list of pool sizes', () => {
    expect(sweepOption('pool:5,10,20,40')).toEqual({ concurrencies: [5, 10, 20, 40] });
    expect(sweepOption('pool:8')).toEqual({ concurrencies: [8] });
  });

  it.each([
    ['pool:1..x', /N in pool:1..N must be a whole number from 1 to 10000, got "x"/],
    ['pool:1..0', /got "0"/],
    ['pool:1..99999', /got "99999"/],
    ['workers:1..4', /only a pool's concurrency can be swept: use pool:1..N, not workers:1..4/],
    ['pool:2..8', /a sweep starts at concurrency 1: use pool:1..8, or list sizes as in pool:2,8/],
    ['pool', /must look like pool:1..N .* or list pool sizes/],
    ['pool:5,x', /each pool size in pool:5,10,20 must be a whole number from 1 to 10000, got "x"/],
    ['pool:5,,10', /got ""/],
  ])('refuses %s', (text, message) => {
    expect(rejection(sweepOption, text)).toMatch(message);
  });
});

describe('whole number options', () => {
  it('take an optional upper bound', () => {
    expect(wholeNumberOption(1, 100)('100')).toBe(100);
    expect(rejection(wholeNumberOption(1, 100), '0')).toBe('must be a whole number from 1 to 100');
    expect(rejection(wholeNumberOption(1), '0')).toBe('must be a whole number >= 1');
  });
});
