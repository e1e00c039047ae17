import { describe, expect, it } from 'vitest';
import { COMPARED_STRATEGIES, strategyName } from './agreement';
import { compareWithPlain, FIDELITY_KINDS } from './fidelity-compare';

// The engine's per-task start and end times, the order of starts and ends, and the summary metrics agree
// with the same work written plainly (the strategy's shown code, each task timed inside itself), run in the
// same test, within 2 ms + 5%: every kind, every compared strategy, worker threads included. The plain code
// runs before and after each engine run, and its own spread over the comparison's plain runs is the floor of
// the comparison: real I/O and hashes on the libuv pool vary from run to run by more than 2 ms + 5% on a
// shared machine, whose other processes take the cores from the pool's threads and the engine's alike.
describe('the engine measures what plain code measures', () => {
  for (const [kind, tasks] of Object.entries(FIDELITY_KINDS)) {
    describe(kind, () => {
      for (const strategy of COMPARED_STRATEGIES) {
        it(strategyName(strategy), async () => {
          expect(await compareWithPlain(strategy, tasks)).toEqual([]);
        }, 90_000);
      }
    });
  }
});
