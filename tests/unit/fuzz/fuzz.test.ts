import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openTempStore } from '../history/fixtures';
import { importTarget, scenarioTarget, terminalTarget, type FuzzTarget } from './fuzz-targets';

/** At least this many generated cases per target in `npm test`; `npm run bench fuzz` runs 10,000 of each. */
const CASES = 1_000;

const temp = openTempStore();
afterAll(() => temp.dispose());

function assertNoCrash<T>(target: FuzzTarget<T>): void {
  fc.assert(
    fc.property(target.inputs, (input) => {
      target.attempt(input);
    }),
    { numRuns: CASES },
  );
}

describe('fuzzing: bad input gets a clear error, never a crash, a stack trace or a changed database', () => {
  it(`scenario validation (${CASES} cases)`, () => assertNoCrash(scenarioTarget));
  it(`import parsing into a real history (${CASES} cases)`, () => assertNoCrash(importTarget(temp.store)));
  it(`terminal formatting (${CASES} cases)`, () => assertNoCrash(terminalTarget));

  it('the generators reach both sides: some inputs are accepted, some refused', () => {
    const seen = new Set(fc.sample(scenarioTarget.inputs, { numRuns: 300, seed: 7 }).map((input) => scenarioTarget.attempt(input)));
    expect(seen).toEqual(new Set(['accepted', 'clear error']));
  });
});
