import { z } from 'zod';
import type { RunMetrics } from '../metrics/metrics-schema';
import { expectationVerdicts, findPreset, type ExpectationVerdict, type MachineLoad, type VariantRun } from '../presets';
import type { Scenario } from '../scenario';

/** What a run of a built-in scenario's variants stores beside its labels, to judge the preset's expectations again. */
const VariantsParamsSchema = z.object({
  presetId: z.string(),
  variantIds: z.array(z.string()),
  /** The machine when the experiment started: its cores and load explain a miss. */
  machine: z.object({ cpuCount: z.number(), loadAverage1m: z.number() }).optional(),
});

/** The part of an experiment's stored params that names its preset and variants. */
export function variantsParams(presetId: string, variantIds: readonly string[], machine: MachineLoad): Record<string, unknown> {
  return { presetId, variantIds: [...variantIds], machine };
}

/** One run of the experiment, in plan order; null for one that is gone (in the trash). */
export type VariantRunFacts = { status: string; metrics: RunMetrics | null; scenario: Scenario } | null;

/**
 * A built-in scenario's expectations judged on an experiment that ran its variants (the workbench's "Run all
 * variants", stored as a matrix), as the workbench judges them; undefined for any other experiment. `runs`
 * are the experiment's runs in the order of its plan, one per variant.
 */
export function variantExpectations(params: unknown, runs: readonly VariantRunFacts[]): ExpectationVerdict[] | undefined {
  const parsed = VariantsParamsSchema.safeParse(params);
  if (!parsed.success) return undefined;
  const preset = findPreset(parsed.data.presetId);
  if (preset === undefined) return undefined;
  const byVariant: Record<string, VariantRun> = {};
  runs.forEach((run, index) => {
    const variantId = parsed.data.variantIds[index];
    if (variantId !== undefined && run !== null && run.status === 'completed' && run.metrics !== null) {
      byVariant[variantId] = { metrics: run.metrics, scenario: run.scenario };
    }
  });
  return expectationVerdicts(preset, byVariant, parsed.data.machine ?? null);
}
