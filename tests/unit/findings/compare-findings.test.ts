import { describe, expect, it } from 'vitest';
import { applySuggestion, compareFindings, type Finding } from '../../../shared/findings';
import { checkScenario } from '../../../shared/scenario';
import { makeMetrics } from '../history/fixtures';

const finding = (id: Finding['id'], title: string): Finding => ({ id, severity: 'warning', title, detail: 'd', evidence: {} });
const metrics = (wallMs: number, p99 = 16) => ({ ...makeMetrics([]), wallMs, latencyMs: { p50: 10, p90: 14, p99, max: p99, mean: 12 } });

describe('compareFindings: two runs told apart', () => {
  it('lists the findings only one run has, and names the one that explains the biggest ratio', () => {
    const sequential = { id: 12, strategy: { type: 'sequential' as const }, metrics: metrics(1000), findings: [finding('sequential-independent', 'Independent tasks awaited one by one')] };
    const all = { id: 13, strategy: { type: 'all' as const }, metrics: metrics(103), findings: [] };
    const difference = compareFindings(sequential, all);
    expect(difference.onlyBaseline.map((f) => f.id)).toEqual(['sequential-independent']);
    expect(difference.onlyOther).toEqual([]);
    expect(difference.explanation).toBe('The biggest difference is wall time: 0.10x in #13 against #12. Only #12 shows “Independent tasks awaited one by one”.');
  });

  it('falls back on the strategies, and says when runs measure alike', () => {
    const a = { id: 1, strategy: { type: 'pool' as const, concurrency: 4 }, metrics: metrics(100), findings: [] };
    expect(compareFindings(a, { ...a, id: 2, strategy: { type: 'pool', concurrency: 8 }, metrics: metrics(50) }).explanation).toBe(
      'The biggest difference is wall time: 0.50x in #2 against #1. The strategies differ (pool:4 against pool:8), and no finding names another cause.',
    );
    expect(compareFindings(a, { ...a, id: 2, metrics: metrics(104) }).explanation).toBe('#1 and #2 measure alike: no metric differs by 1.1x or more.');
    // Microseconds of queue wait against half a millisecond: a big ratio of nothing.
    const tinyWaits = (p99: number) => ({ ...metrics(100), waitMs: { p50: 0, p90: 0, p99, max: p99, mean: 0 } });
    expect(compareFindings({ ...a, metrics: tinyWaits(0.003) }, { ...a, id: 2, metrics: tinyWaits(0.5) }).explanation).toMatch(/measure alike/);
  });
});

describe('applySuggestion: the variant a finding suggests', () => {
  it("puts the patch's strategy in place and its options over the scenario's, and stays a valid scenario", () => {
    const scenario = { version: 1 as const, name: 'Ten timers', strategy: { type: 'sequential' as const }, options: { timeoutMs: 5000 }, tasks: [{ kind: 'timer' as const, count: 10, ms: 100 }] };
    const variant = applySuggestion(scenario, { label: 'Try pool:8', scenarioPatch: { strategy: { type: 'pool', concurrency: 8 }, options: { threadpoolSize: 8 } } });
    expect(variant).toEqual({ ...scenario, name: 'Ten timers — Try pool:8', strategy: { type: 'pool', concurrency: 8 }, options: { timeoutMs: 5000, threadpoolSize: 8 } });
    expect(checkScenario(variant).ok).toBe(true);
  });
});
