import { describe, expect, it } from 'vitest';
import { COMPARED_STRATEGIES, strategyName } from './agreement';
import { compareWithPlain, FIDELITY_KINDS, HELD_IN_TESTS } from './fidelity-compare';

// The engine's per-task start and end times, the order of starts and ends, and the summary metrics agree
// with the same work written plainly (the strategy's shown code, each task timed inside itself), run in the
// same test, within 2 ms + 5%: every kind, every compared strategy, worker threads included. The plain code
// runs before and after each engine run, and its own spread between those two runs is the floor of the
// comparison (real I/O varies from run to run by more than 2 ms + 5% on a shared machine). Every kind but
// `crypto`, which `npm run bench -- fidelity` compares (see HELD_IN_TESTS).
describe('the engine measures what plain code measures', () => {
  for (const [kind, tasks] of Object.entries(FIDELITY_KINDS).filter(([kind]) => HELD_IN_TESTS.has(kind))) {
    describe(kind, () => {
      for (const strategy of COMPARED_STRATEGIES) {
        it(strategyName(strategy), async () => {
          expect(await compareWithPlain(strategy, tasks)).toEqual([]);
        }, 90_000);
      }
    });
  }
});
