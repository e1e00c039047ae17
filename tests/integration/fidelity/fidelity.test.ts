import { describe, expect, it } from 'vitest';
import type { Strategy } from '../../../shared/scenario';
import { agreeInOneOf, COMPARED_STRATEGIES, strategyName } from './agreement';
import { compareWithPlain, FIDELITY_KINDS } from './fidelity-compare';

/**
 * What `npm test` holds the engine to: work whose duration is the same from run to run (timers, CPU, and the
 * two mixed), under every strategy that runs on the engine's own thread. Real I/O (file reads, queries,
 * hashes) and worker threads (their start-up) vary between two runs of the same plain code by more than the
 * tolerance on a shared machine; `npm run bench -- fidelity` compares those and prints what disagreed.
 */
export const SUITE_KINDS = ['timer', 'cpu', 'mixed'] as const;
const suiteStrategies = (strategies: readonly Strategy[]) => strategies.filter((strategy) => strategy.type !== 'workers');

// The engine's per-task times and summary agree with the same work written plainly and timed inside each
// task, run in the same test (twice: the plain code's own spread is the floor of any comparison). A pair that
// disagrees is run again (at most three times): another process on a shared machine can stall one side for a
// moment, never the same way three times running.
describe('the engine measures what plain code measures', () => {
  for (const kind of SUITE_KINDS) {
    describe(kind, () => {
      for (const strategy of suiteStrategies(COMPARED_STRATEGIES)) {
        it(strategyName(strategy), async () => {
          expect(await agreeInOneOf(3, () => compareWithPlain(strategy, FIDELITY_KINDS[kind]!))).toEqual([]);
        }, 90_000);
      }
    });
  }
});
