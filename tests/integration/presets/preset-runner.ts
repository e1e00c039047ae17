import type { RunMetrics } from '../../../shared/metrics/metrics-schema';
import type { TaskRecord } from '../../../shared/protocol/task-record';
import { checkExpectation, findPreset, variantScenario, type Expectation } from '../../../shared/presets';
import { checkScenario } from '../../../shared/scenario';
import { forkLauncher } from '../../../electron/backend/runs/fork-launcher';
import { builtEngineEntry } from '../../fixtures/built-app';
import { RunService } from '../../../electron/backend/runs/run-service';

/** What one variant of a preset did: its metrics and every task's record. */
export interface VariantResult {
  metrics: RunMetrics;
  tasks: TaskRecord[];
}

const service = new RunService({ store: null, launcher: forkLauncher(builtEngineEntry()) });

/** Runs one variant of a built-in preset through the real engine (unsaved) and collects its task records. */
export async function runVariant(presetId: string, variantId: string): Promise<VariantResult> {
  const preset = findPreset(presetId);
  const variant = preset?.variants.find((v) => v.id === variantId);
  if (preset === undefined || variant === undefined) throw new Error(`no variant ${presetId}/${variantId}`);
  const check = checkScenario(variantScenario(preset, variant));
  if (!check.ok) throw new Error(`${presetId}/${variantId} is invalid`);
  const run = service.start(check.scenario, { save: false });
  const tasks: TaskRecord[] = [];
  run.onBatch((batch) => tasks.push(...batch.finished));
  const outcome = await run.done;
  if (outcome.status !== 'completed' || outcome.metrics === null) {
    throw new Error(`${presetId}/${variantId} ended ${outcome.status}: ${outcome.error ?? ''}`);
  }
  return { metrics: outcome.metrics, tasks };
}

/** Runs every variant of a preset, one after another. */
export async function runVariants(presetId: string): Promise<Record<string, VariantResult>> {
  const results: Record<string, VariantResult> = {};
  for (const variant of findPreset(presetId)?.variants ?? []) results[variant.id] = await runVariant(presetId, variant.id);
  return results;
}

/** Latency percentile (nearest rank) of the tasks of one group. */
export function groupLatency(result: VariantResult, group: number, quantile: number): number {
  const durations = result.tasks
    .filter((t) => t.group === group)
    .map((t) => t.endMs - t.startMs)
    .sort((a, b) => a - b);
  return durations[Math.min(durations.length - 1, Math.ceil(quantile * durations.length) - 1)] ?? 0;
}

/**
 * Whether `holds` is true of two variants of a preset, measured again (both, in order) up to `attempts` times in
 * all when the first results miss. For claims that need spare CPU cores (parallelism), which other processes on a
 * loaded 2-core machine can take for a while.
 */
export async function holdsInOneOf(
  attempts: number,
  first: Record<string, VariantResult>,
  presetId: string,
  variants: readonly [string, string],
  holds: (a: VariantResult, b: VariantResult) => boolean,
): Promise<boolean> {
  if (holds(first[variants[0]]!, first[variants[1]]!)) return true;
  for (let attempt = 1; attempt < attempts; attempt += 1) {
    const a = await runVariant(presetId, variants[0]);
    if (holds(a, await runVariant(presetId, variants[1]))) return true;
  }
  return false;
}

function holds(expectation: Expectation, results: Record<string, VariantResult>): boolean {
  const metrics = Object.fromEntries(Object.entries(results).map(([id, r]) => [id, r.metrics]));
  const check = checkExpectation(expectation, metrics);
  if (check === null) throw new Error(`${JSON.stringify(expectation)} names a variant that did not run`);
  return check.met;
}

/**
 * The preset's own expectations (`Preset.expectations`, the data the workbench judges) that the measured variants
 * miss, each as its JSON. One that needs spare cores (`needsCores`) is measured again, up to three times in all,
 * before it counts as missed: other processes on a loaded machine can take the cores for a while.
 */
export async function missedExpectations(presetId: string, results: Record<string, VariantResult>): Promise<string[]> {
  const missed: string[] = [];
  for (const expectation of findPreset(presetId)?.expectations ?? []) {
    if (holds(expectation, results)) continue;
    const pair = 'of' in expectation ? ([expectation.variant, expectation.of] as const) : null;
    const retried =
      expectation.needsCores !== undefined && pair !== null &&
      (await holdsInOneOf(3, results, presetId, pair, (a, b) => holds(expectation, { [pair[0]]: a, [pair[1]]: b })));
    if (!retried) missed.push(JSON.stringify(expectation));
  }
  return missed;
}
