import { describe, expect, it } from 'vitest';
import { findFindings, findingColumnsOf } from '../../../shared/findings';
import { ScenarioSchema, type ScenarioInput } from '../../../shared/scenario';
import { finishedOf, runEngine, scenario } from './run-engine';

/** Runs `input` in a real engine process and returns the findings of its records, samples and metrics. */
async function findingsOf(input: ScenarioInput) {
  const run = await runEngine(input);
  return findFindings({
    scenario: ScenarioSchema.parse(input),
    tasks: findingColumnsOf(run.records),
    samples: run.batches.flatMap((batch) => batch.samples),
    metrics: finishedOf(run).metrics,
  });
}

describe('findings of real engine runs (tasks mode)', () => {
  it('a CPU task that holds the loop for 400 ms gives loop-blocked, naming the task and the time it ran', async () => {
    const findings = await findingsOf(
      scenario({ strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 4, ms: 50 }, { kind: 'cpu', count: 1, ms: 400 }] }),
    );
    const blocked = findings.find((f) => f.id === 'loop-blocked');
    expect(blocked?.severity).toBe('problem');
    expect(blocked?.evidence.maxLoopDelayMs).toBeGreaterThan(100);
    expect(blocked?.tasks).toContain(4);
    expect(blocked?.toMs).toBeGreaterThan(blocked?.fromMs ?? Infinity);
  });

  it('a clean timers run gives no warning or problem', async () => {
    const findings = await findingsOf(scenario({ strategy: { type: 'pool', concurrency: 4 }, tasks: [{ kind: 'timer', count: 8, ms: 50 }] }));
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
