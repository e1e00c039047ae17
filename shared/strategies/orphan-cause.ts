import { strategyText, type Strategy } from '../scenario';

/**
 * Why a strategy left tasks running after it had settled, naming the strategy that ran (`pool:40`, not
 * "Promise.all" for a pool). One sentence without a final full stop: the orphan panel continues it with
 * how long their work went on.
 */
export function orphanCause(strategy: Strategy): string {
  const name = strategyText(strategy);
  switch (strategy.type) {
    case 'all':
      return 'With Promise.all the first failure rejects at once, but nothing stops the other promises';
    case 'callbacks':
      return 'With callbacks the final callback runs at the first error, but nothing stops the other tasks';
    case 'race':
      return 'With Promise.race the first task to settle decides the result, but nothing stops the others';
    case 'any':
      return 'With Promise.any the first success decides the result, but nothing stops the others';
    case 'batch':
      return `With ${name} a failure rejects its batch and ends the loop, but nothing stops the rest of that batch`;
    case 'workers':
      return `With ${name} (Promise.all over the thread pool) the first failure rejects at once, but the queued tasks still run on the threads`;
    case 'pool':
      return strategy.onFailure === 'reject'
        ? `With ${name} (p-limit and Promise.all) the first failure rejects at once, but every queued task still runs`
        : `With ${name} (worker loops under Promise.all, onFailure "stop-slot") a failure ends its slot and rejects the pool at once, but nothing stops the other slots`;
    default:
      return `With ${name} the strategy had settled, but nothing stopped these tasks`;
  }
}
