import type { RunMetrics } from '../metrics/metrics-schema';
import { checkScenario, type Scenario } from '../scenario';
import { checkExpectation, type Expectation, type ExpectationCheck, type ExpectationMetric } from './expectation';
import { variantScenario, type Preset } from './preset';

/** The machine runs run on, as the backend reports it (`runs.machine`): a busy or one-core machine changes what parallel work gains. */
export interface MachineLoad {
  cpuCount: number;
  /** `os.loadavg()[0]`: runnable processes averaged over the last minute (0 where the OS does not tell). */
  loadAverage1m: number;
}

/** Why an expectation may have missed, as far as the app can tell; `null` when it cannot tell. */
export type MissReason = 'scenario-changed' | 'one-core' | 'busy-machine';

/** One expectation of a preset judged on the user's own runs, in words with the numbers. */
export interface ExpectationVerdict {
  check: ExpectationCheck;
  /** `As expected: sequential took 9.7x Promise.all (expected >= 3x).` */
  sentence: string;
  /** For a miss: the likely reason, if any can be told. */
  reason: MissReason | null;
  /** The reason in words, with its numbers, or null. */
  reasonText: string | null;
}

/** A variant's latest run: what the verdicts read of it. */
export interface VariantRun {
  metrics: RunMetrics;
  /** The scenario it ran, to tell whether it is still the preset's variant. */
  scenario: Scenario;
}

const METRIC_NAMES: Record<ExpectationMetric, string> = {
  wallMs: 'wall time',
  maxInFlight: 'peak in flight',
  ok: 'tasks ok',
  timedOut: 'timeouts',
  orphaned: 'orphaned tasks',
  cancelled: 'cancelled tasks',
  elu: 'event-loop utilisation',
  effectiveConcurrency: 'effective concurrency',
  'latencyMs.p50': 'latency p50',
  'latencyMs.p99': 'latency p99',
  'waitMs.p50': 'wait p50',
  'loopDelayMs.p99': 'event-loop delay p99',
  'loopDelayMs.max': 'event-loop delay max',
};

function formatValue(metric: ExpectationMetric, value: number): string {
  if (metric.endsWith('Ms') || metric.includes('Ms.')) return `${value >= 100 ? Math.round(value) : Number(value.toFixed(1))} ms`;
  if (metric === 'elu') return `${Math.round(value * 100)}%`;
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function formatRatio(ratio: number): string {
  return `${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)}x`;
}

/** What was measured, in words: `sequential took 9.7x Promise.all (expected >= 3x)`. */
function measuredText(check: ExpectationCheck, labelOf: (variantId: string) => string): string {
  const { expectation: e, measured, reference, ratio } = check;
  const name = labelOf(e.variant);
  if ('value' in e) return `${name}: ${METRIC_NAMES[e.metric]} ${formatValue(e.metric, measured)} (expected ${e.op} ${formatValue(e.metric, e.value)})`;
  const other = labelOf(e.of);
  const expected = `expected ${e.op} ${formatRatio(e.factor)}`;
  const how = ratio === null ? `${formatValue(e.metric, measured)} against ${formatValue(e.metric, reference)}` : formatRatio(ratio);
  if (e.metric === 'wallMs') return `${name} took ${how} ${ratio === null ? `for ${other}` : other} (${expected})`;
  return `${name}: ${METRIC_NAMES[e.metric]} ${how} ${ratio === null ? `for ${other}` : `that of ${other}`} (${expected})`;
}

/** True when two scenarios run the same work the same way (their names aside). */
function sameWork(a: Scenario, b: Scenario): boolean {
  return canonical({ ...a, name: '' }) === canonical({ ...b, name: '' });
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v,
  );
}

function changedVariants(preset: Preset, expectation: Expectation, runs: Readonly<Record<string, VariantRun | undefined>>): string[] {
  const ids = 'of' in expectation ? [expectation.variant, expectation.of] : [expectation.variant];
  return ids.filter((id) => {
    const variant = preset.variants.find((v) => v.id === id);
    const run = runs[id];
    if (variant === undefined || run === undefined) return false;
    const check = checkScenario(variantScenario(preset, variant));
    return !check.ok || !sameWork(check.scenario, run.scenario);
  });
}

function missReason(
  preset: Preset,
  expectation: Expectation,
  runs: Readonly<Record<string, VariantRun | undefined>>,
  machine: MachineLoad | null,
  labelOf: (variantId: string) => string,
): { reason: MissReason; text: string } | null {
  const changed = changedVariants(preset, expectation, runs);
  if (changed.length > 0) {
    return { reason: 'scenario-changed', text: `the scenario of ${changed.map(labelOf).join(' and ')} differs from the built-in variant` };
  }
  if (machine === null) return null;
  if (machine.cpuCount <= 1 && (expectation.needsCores ?? 1) > 1) {
    return { reason: 'one-core', text: `this machine has one core, and the claim needs ${expectation.needsCores} running at once` };
  }
  if (machine.loadAverage1m > machine.cpuCount) {
    return {
      reason: 'busy-machine',
      text: `the machine is busy: load average ${machine.loadAverage1m.toFixed(1)} over its ${machine.cpuCount} core${machine.cpuCount === 1 ? '' : 's'}`,
    };
  }
  return null;
}

/**
 * Every expectation of a preset that the measured variants can decide, judged: met or not, in words with the
 * numbers, and for a miss the likely reason (a changed scenario, one core, a busy machine). Expectations whose
 * variants have not run yet are left out.
 */
export function expectationVerdicts(
  preset: Preset,
  runs: Readonly<Record<string, VariantRun | undefined>>,
  machine: MachineLoad | null,
): ExpectationVerdict[] {
  const labelOf = (id: string): string => preset.variants.find((v) => v.id === id)?.label ?? id;
  const metricsByVariant = Object.fromEntries(Object.entries(runs).map(([id, run]) => [id, run?.metrics]));
  return preset.expectations.flatMap((expectation) => {
    const check = checkExpectation(expectation, metricsByVariant);
    if (check === null) return [];
    const measured = measuredText(check, labelOf);
    if (check.met) return [{ check, sentence: `As expected: ${measured}.`, reason: null, reasonText: null }];
    const why = missReason(preset, expectation, runs, machine, labelOf);
    return [{ check, sentence: `Not as expected: ${measured}.`, reason: why?.reason ?? null, reasonText: why?.text ?? null }];
  });
}
