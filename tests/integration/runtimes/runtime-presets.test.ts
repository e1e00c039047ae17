import { describe, expect, it } from 'vitest';
import { findPreset, variantScenario } from '../../../shared/presets';
import { checkScenario, type Scenario } from '../../../shared/scenario';
import { bestOfTakingTurns } from '../../fixtures/best-of';
import { metricsOf, runScenario, toolchainOf } from './runtime-harness';

function variantsOf(presetId: string): { id: string; scenario: Scenario }[] {
  const preset = findPreset(presetId);
  if (preset === undefined) throw new Error(`no preset ${presetId}`);
  return preset.variants.map((variant) => {
    const check = checkScenario(variantScenario(preset, variant));
    if (!check.ok) throw new Error(`${presetId}/${variant.id}: ${JSON.stringify(check.problems)}`);
    return { id: variant.id, scenario: check.scenario };
  });
}

describe('One I/O workload, four runtimes', () => {
  it('every installed runtime takes about the same wall time as Node for the same waits', async () => {
    const runs: Record<string, () => Promise<number>> = {};
    for (const { id, scenario } of variantsOf('io-on-four-runtimes')) {
      const { status } = await toolchainOf(scenario.runtime);
      if (status.available) runs[id] = async () => metricsOf(await runScenario(scenario)).wallMs;
    }
    // The runtimes take turns, and each keeps its fastest of three runs: a burst of other work during one run
    // would otherwise decide a ratio alone.
    const walls = await bestOfTakingTurns(3, runs);
    const node = walls.node ?? NaN;
    // 200 requests of 50 ms through 20 slots: 10 rounds, 500 ms at best (the server's timer may fire a
    // millisecond early by the client's clock).
    expect(node).toBeGreaterThanOrEqual(10 * 49);
    for (const [id, wallMs] of Object.entries(walls)) {
      expect(wallMs, id).toBeGreaterThanOrEqual(10 * 49);
      expect(wallMs / node, id).toBeLessThan(1.6);
      expect(wallMs / node, id).toBeGreaterThan(1 / 1.6);
    }
  });
});
