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

  it('names a bad strategy, an empty item and too many strategies', () => {
    expect(rejection(matrixOption, 'all,fastest')).toMatch(/^unknown strategy "fastest": use one of/);
    expect(rejection(matrixOption, 'all,,pool:2')).toMatch(/separated by commas/);
    expect(rejection(matrixOption, Array(21).fill('all').join(','))).toBe('a matrix has at most 20 strategies, got 21');
  });
});

describe('--sweep', () => {
  it('reads the highest concurrency of pool:1..N', () => {
    expect(sweepOption('pool:1..8')).toBe(8);
    expect(sweepOption('pool:1..1')).toBe(1);
  });

  it.each([
    ['pool:1..x', /N in pool:1..N must be a whole number from 1 to 10000, got "x"/],
    ['pool:1..0', /got "0"/],
    ['pool:1..99999', /got "99999"/],
    ['workers:1..4', /only a pool's concurrency can be swept: use pool:1..N, not workers:1..4/],
    ['pool:2..8', /a sweep starts at concurrency 1: use pool:1..8/],
    ['pool:8', /must look like pool:1..N/],
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
