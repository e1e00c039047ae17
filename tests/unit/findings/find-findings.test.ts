import { describe, expect, it } from 'vitest';
import { FINDING_IDS, FindingSchema, findFindings } from '../../../shared/findings';
import { craftedRun, quietSamples, sample, tasksOf } from './crafted-run';

describe('findFindings', () => {
  it('finds nothing in a clean tasks-mode timers run', () => {
    const run = craftedRun({ strategy: { type: 'pool', concurrency: 8 }, groups: [{ kind: 'timer', count: 8, ms: 100 }], tasks: tasksOf(8, () => 0, () => 100) });
    expect(findFindings(run)).toEqual([]);
  });

  it('returns valid findings, worst first, on a run with several problems', () => {
    const run = craftedRun({
      strategy: { type: 'all' },
      groups: [{ kind: 'cpu', count: 3, ms: 300 }],
      tasks: tasksOf(3, (i) => i * 300, () => 300, (i) => (i === 0 ? { status: 'error' } : { orphaned: true })),
      samples: [...quietSamples(900).filter((s) => s.tMs !== 600), sample(600, { loopDelayMs: 300 })],
      wallMs: 300,
    });
    const findings = findFindings(run);
    expect(findings.map((f) => f.id)).toEqual(['loop-blocked', 'cpu-on-loop', 'orphaned-work']);
    for (const finding of findings) expect(FindingSchema.parse(finding)).toEqual(finding);
  });

  it('has an id for every rule, each spelled as the issue spells it', () => {
    expect(FINDING_IDS).toHaveLength(12);
    expect(new Set(FINDING_IDS).size).toBe(12);
  });
});
