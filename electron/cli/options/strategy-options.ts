import { InvalidArgumentError } from 'commander';
import { MAX_CONCURRENCY } from '../../../shared/scenario/limits';
import type { Strategy } from '../../../shared/scenario/strategy';
import { parseStrategyText } from '../../../shared/scenario/strategy-text';
import { MAX_MATRIX_STRATEGIES } from '../../../shared/stats/experiment-spec';
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

/** Reads `--sweep pool:1..N` and returns N, the highest concurrency. */
export function sweepOption(text: string): number {
  const match = /^([^:]*):([^.]*)\.\.(.*)$/.exec(text.trim());
  if (match === null) throw new InvalidArgumentError('must look like pool:1..N, as in pool:1..64');
  const [, type = '', from = '', to = ''] = match;
  if (type !== 'pool') {
    throw new InvalidArgumentError(`only a pool's concurrency can be swept: use pool:1..N, not ${type}:${from}..${to}`);
  }
  if (from !== '1') throw new InvalidArgumentError(`a sweep starts at concurrency 1: use pool:1..${to}`);
  const max = readWholeNumber(to, 1, MAX_CONCURRENCY);
  if (max === undefined) throw new InvalidArgumentError(`N in pool:1..N must be a whole number from 1 to ${MAX_CONCURRENCY}, got "${to}"`);
  return max;
}
