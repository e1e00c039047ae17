import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkScenario, MAX_TASKS_PER_RUN } from '../../../shared/scenario';

const base = { version: 1, name: 'p', strategy: { type: 'all' } };
const notAWholeNumberAtLeastOne = fc.oneof(
  fc.integer({ max: 0 }),
  fc.double({ noNaN: false }).filter((n) => !Number.isInteger(n) || n < 1),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
);

describe('scenario rejection paths (property-based)', () => {
  it('any count that is not a whole number >= 1 is refused at tasks[i].count', () => {
    fc.assert(
      fc.property(notAWholeNumberAtLeastOne, (count) => {
        const result = checkScenario({ ...base, tasks: [{ kind: 'timer', count, ms: 1 }] });
        return !result.ok && result.problems.some((p) => p.path === 'tasks[0].count');
      }),
    );
  });

  it('any failRate outside 0..1 is refused and named', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 1.0000001, noNaN: true }), fc.double({ max: -0.0000001, noNaN: true })), (failRate) => {
        const result = checkScenario({ ...base, tasks: [{ kind: 'cpu', count: 1, ms: 1, failRate }] });
        return !result.ok && result.problems.some((p) => p.path === 'tasks[0].failRate' && p.message.startsWith('must be a probability'));
      }),
    );
  });

  it('any pool concurrency that is not a whole number >= 1 is refused', () => {
    fc.assert(
      fc.property(notAWholeNumberAtLeastOne, (concurrency) => {
        const result = checkScenario({ ...base, strategy: { type: 'pool', concurrency }, tasks: [{ kind: 'timer', count: 1, ms: 1 }] });
        return !result.ok && result.problems.some((p) => p.path === 'strategy.concurrency');
      }),
    );
  });

  it('every problem names a path and a message, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = checkScenario(input);
        if (result.ok) return true;
        return result.problems.length > 0 && result.problems.every((p) => p.path.length > 0 && p.message.length > 0);
      }),
    );
  });

  it('groups adding up to more than the task limit are refused; at the limit they pass', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_TASKS_PER_RUN - 1 }), (first) => {
        const atLimit = checkScenario({ ...base, tasks: [{ kind: 'timer', count: first, ms: 0 }, { kind: 'timer', count: MAX_TASKS_PER_RUN - first, ms: 0 }] });
        const over = checkScenario({ ...base, tasks: [{ kind: 'timer', count: first, ms: 0 }, { kind: 'timer', count: MAX_TASKS_PER_RUN - first + 1, ms: 0 }] });
        return atLimit.ok && !over.ok;
      }),
      { numRuns: 50 },
    );
  });

  it('valid scenarios survive a JSON round trip unchanged', () => {
    const group = fc.record({ kind: fc.constant('timer' as const), count: fc.integer({ min: 1, max: 1000 }), ms: fc.integer({ min: 0, max: 1000 }) });
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 5 }), (tasks) => {
        const first = checkScenario({ ...base, tasks });
        if (!first.ok) return false;
        const second = checkScenario(JSON.parse(JSON.stringify(first.scenario)));
        expect(second).toEqual(first);
        return true;
      }),
    );
  });
});
