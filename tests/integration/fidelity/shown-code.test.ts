import { describe, expect, it } from 'vitest';
import { ScenarioSchema, strategyText, type Strategy } from '../../../shared/scenario';
import { runInProcess } from '../engine/run-in-process';
import { agreeInOneOf, COMPARED_STRATEGIES, disagreement } from './agreement';
import { runPlain } from './plain-run';

/** Two long timers, a short one that fails, three middling ones: every strategy settles, orphans or skips differently. */
const TASKS = [
  { kind: 'timer' as const, count: 2, ms: 120 },
  { kind: 'timer' as const, count: 1, ms: 40, failRate: 1 },
  { kind: 'timer' as const, count: 3, ms: 80 },
];

const STRATEGIES: readonly Strategy[] = [
  ...COMPARED_STRATEGIES,
  { type: 'callbacks' },
  { type: 'structured' },
  { type: 'pool', concurrency: 2, onFailure: 'reject' },
  { type: 'pool', concurrency: 2, onFailure: 'continue' },
];

const indexes = (flags: boolean[]) => flags.flatMap((flag, i) => (flag ? [i] : []));

/** Runs the engine and the shown code once each; returns what they disagree on. */
async function compare(strategy: Strategy): Promise<string[]> {
  const scenario = ScenarioSchema.parse({ version: 1, name: 'shown code', strategy, tasks: TASKS });
  const engine = await runInProcess({ strategy, tasks: TASKS });
  const plain = await runPlain(scenario);
  const problems: string[] = [];
  const same = (what: string, engineSide: number[], plainSide: number[]) => {
    if (JSON.stringify(engineSide) !== JSON.stringify(plainSide)) problems.push(`${what}: engine [${engineSide}], plain [${plainSide}]`);
  };
  same('started', indexes(engine.records.map((r) => r.attempts > 0)), indexes(plain.timings.map((t) => t !== null)));
  same('skipped', indexes(engine.records.map((r) => r.status === 'skipped')), indexes(plain.timings.map((t) => t === null)));
  same('orphaned', indexes(engine.records.map((r) => r.orphaned)), indexes(plain.timings.map((t) => t !== null && t.endMs > plain.settleMs)));
  same('failed', indexes(engine.records.map((r) => r.status === 'error')), [...plain.failed].sort((a, b) => a - b));
  same('cancelled', indexes(engine.records.map((r) => r.status === 'cancelled')), [...plain.cancelled].sort((a, b) => a - b));
  const settle = disagreement('settled', engine.finished.metrics.wallMs, plain.settleMs);
  if (settle !== null) problems.push(settle);
  return problems;
}

// The code "Show code" displays is the reference: run as it is, over the same tasks, it must settle when the
// engine settles and start, orphan and skip the same tasks.
describe('every strategy\'s shown code does what the engine does', () => {
  for (const strategy of STRATEGIES) {
    it(strategyText(strategy), async () => {
      expect(await agreeInOneOf(3, () => compare(strategy))).toEqual([]);
    }, 60_000);
  }
});
