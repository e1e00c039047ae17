import { InvalidArgumentError } from 'commander';
import { MAX_CONCURRENCY } from '../../../shared/scenario/limits';
import type { Strategy } from '../../../shared/scenario/strategy';
import { parseStrategyText } from '../../../shared/scenario/strategy-text';
import { MAX_MATRIX_STRATEGIES, MAX_SWEEP_LEVELS } from '../../../shared/stats/experiment-spec';
import { readWholeNumber } from './numbers';

/** Reads `--strategy`: one strategy in its short form (`pool:4`). */
export function strategyOption(text: string): Strategy {
  try {
    return parseStrategyText(text);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/** Reads `--matrix sequential,all,pool:4`: the strategies in the order given. */
export function matrixOption(text: string): Strategy[] {
  const items = text.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) {
    throw new InvalidArgumentError('give strategies separated by commas, as in sequential,all,pool:4');
  }
  if (items.length > MAX_MATRIX_STRATEGIES) {
    throw new InvalidArgumentError(`a matrix has at most ${MAX_MATRIX_STRATEGIES} strategies, got ${items.length}`);
  }
  return items.map(strategyOption);
}

/** The levels `--sweep` gives: the highest of `pool:1..N`, or the list of `pool:5,10,20,40`. */
export type SweepLevelsOption = { maxConcurrency: number } | { concurrencies: number[] };

/** Reads `--sweep pool:1..N` (1, 2, 4, ... N) or `--sweep pool:5,10,20,40` (those sizes). */
export function sweepOption(text: string): SweepLevelsOption {
  const listed = /^pool:(\d[^.]*)$/.exec(text.trim());
  if (listed !== null) return { concurrencies: sweepList(listed[1] ?? '') };
  const match = /^([^:]*):([^.]*)\.\.(.*)$/.exec(text.trim());
  if (match === null) throw new InvalidArgumentError('must look like pool:1..N (as in pool:1..64) or list pool sizes (as in pool:5,10,20,40)');
  const [, type = '', from = '', to = ''] = match;
  if (type !== 'pool') {
    throw new InvalidArgumentError(`only a pool's concurrency can be swept: use pool:1..N, not ${type}:${from}..${to}`);
  }
  if (from !== '1') throw new InvalidArgumentError(`a sweep starts at concurrency 1: use pool:1..${to}, or list sizes as in pool:${from},${to}`);
  const max = readWholeNumber(to, 1, MAX_CONCURRENCY);
  if (max === undefined) throw new InvalidArgumentError(`N in pool:1..N must be a whole number from 1 to ${MAX_CONCURRENCY}, got "${to}"`);
  return { maxConcurrency: max };
}

function sweepList(text: string): number[] {
  const items = text.split(',').map((item) => item.trim());
  if (items.length > MAX_SWEEP_LEVELS) throw new InvalidArgumentError(`a sweep has at most ${MAX_SWEEP_LEVELS} pool sizes, got ${items.length}`);
  return items.map((item) => {
    const level = readWholeNumber(item, 1, MAX_CONCURRENCY);
    if (level === undefined) throw new InvalidArgumentError(`each pool size in pool:5,10,20 must be a whole number from 1 to ${MAX_CONCURRENCY}, got "${item}"`);
    return level;
  });
}
