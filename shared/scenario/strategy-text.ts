import { POOL_ON_FAILURE, StrategySchema, STRATEGY_TYPES, type PoolOnFailure, type Strategy } from './strategy';

const SIZED = { pool: 'concurrency', batch: 'size', workers: 'threads' } as const;

function usage(): string {
  return STRATEGY_TYPES.map((t) => (t === 'pool' ? 'pool:N[:onFailure]' : t in SIZED ? `${t}:N` : t)).join(', ');
}

/**
 * Reads the short form used by the CLI and the UI: `sequential`, `all`, `pool:4`, `pool:8:continue`,
 * `batch:10`, `workers:2`. Throws an Error whose message names the problem.
 */
export function parseStrategyText(text: string): Strategy {
  const [type = '', size, ...rest] = text.trim().split(':');
  const extra = type === 'pool' ? rest.slice(1) : rest;
  if (!(STRATEGY_TYPES as readonly string[]).includes(type) || extra.length > 0) {
    throw new Error(`unknown strategy "${text}": use one of ${usage()}`);
  }
  const field = SIZED[type as keyof typeof SIZED] as string | undefined;
  if (field === undefined) {
    if (size !== undefined) throw new Error(`strategy "${type}" takes no size, got "${text}"`);
    return StrategySchema.parse({ type });
  }
  const onFailure = type === 'pool' ? poolOnFailure(rest[0], text) : undefined;
  const n = Number(size);
  const result = StrategySchema.safeParse({ type, [field]: n, ...(onFailure === undefined ? {} : { onFailure }) });
  if (size === undefined || size === '' || !result.success) {
    throw new Error(`strategy "${type}" needs a whole number ${field}, as in ${type}:4; got "${text}"`);
  }
  return result.data;
}

function poolOnFailure(text: string | undefined, whole: string): PoolOnFailure | undefined {
  if (text === undefined) return undefined;
  if ((POOL_ON_FAILURE as readonly string[]).includes(text)) return text as PoolOnFailure;
  throw new Error(`a pool's onFailure is one of ${POOL_ON_FAILURE.join(', ')}, as in pool:8:continue; got "${whole}"`);
}

/** The short form of a strategy: the inverse of `parseStrategyText` (a pool's default `stop-slot` is left out). */
export function strategyText(strategy: Strategy): string {
  switch (strategy.type) {
    case 'pool':
      return strategy.onFailure === undefined || strategy.onFailure === 'stop-slot'
        ? `pool:${strategy.concurrency}`
        : `pool:${strategy.concurrency}:${strategy.onFailure}`;
    case 'batch':
      return `batch:${strategy.size}`;
    case 'workers':
      return `workers:${strategy.threads}`;
    default:
      return strategy.type;
  }
}
