import { StrategySchema, STRATEGY_TYPES, type Strategy } from './strategy';

const SIZED = { pool: 'concurrency', batch: 'size', workers: 'threads' } as const;

/**
 * Reads the short form used by the CLI and the UI: `sequential`, `all`, `pool:4`, `batch:10`, `workers:2`.
 * Throws an Error whose message names the problem.
 */
export function parseStrategyText(text: string): Strategy {
  const [type = '', size, ...rest] = text.trim().split(':');
  if (!(STRATEGY_TYPES as readonly string[]).includes(type) || rest.length > 0) {
    throw new Error(`unknown strategy "${text}": use one of ${STRATEGY_TYPES.map((t) => (t in SIZED ? `${t}:N` : t)).join(', ')}`);
  }
  const field = SIZED[type as keyof typeof SIZED] as string | undefined;
  if (field === undefined) {
    if (size !== undefined) throw new Error(`strategy "${type}" takes no size, got "${text}"`);
    return StrategySchema.parse({ type });
  }
  const n = Number(size);
  const result = StrategySchema.safeParse({ type, [field]: n });
  if (size === undefined || size === '' || !result.success) {
    throw new Error(`strategy "${type}" needs a whole number ${field}, as in ${type}:4; got "${text}"`);
  }
  return result.data;
}

/** The short form of a strategy: the inverse of `parseStrategyText`. */
export function strategyText(strategy: Strategy): string {
  switch (strategy.type) {
    case 'pool':
      return `pool:${strategy.concurrency}`;
    case 'batch':
      return `batch:${strategy.size}`;
    case 'workers':
      return `workers:${strategy.threads}`;
    default:
      return strategy.type;
  }
}
