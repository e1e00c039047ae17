import type { RunMetrics } from '../../../shared/metrics/metrics-schema';
import type { TaskRecord } from '../../../shared/protocol/task-record';
import { findPreset, variantScenario } from '../../../shared/presets';
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

/** Whether variant `fast` of a preset takes less than `ratio` times the wall time of variant `slow`, in one of `attempts` measurements. */
export function fasterInOneOf(
  attempts: number,
  first: Record<string, VariantResult>,
  presetId: string,
  pair: { slow: string; fast: string; ratio: number },
): Promise<boolean> {
  return holdsInOneOf(attempts, first, presetId, [pair.slow, pair.fast], (slow, fast) => fast.metrics.wallMs < pair.ratio * slow.metrics.wallMs);
}
