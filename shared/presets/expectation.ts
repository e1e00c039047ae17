import type { RunMetrics } from '../metrics/metrics-schema';

/** The metrics an expectation can name: a top-level number of `RunMetrics`, or a percentile of one of its groups. */
export const EXPECTATION_METRICS = [
  'wallMs',
  'maxInFlight',
  'ok',
  'timedOut',
  'orphaned',
  'cancelled',
  'elu',
  'effectiveConcurrency',
  'latencyMs.p50',
  'latencyMs.p99',
  'waitMs.p50',
  'loopDelayMs.p99',
  'loopDelayMs.max',
] as const;
export type ExpectationMetric = (typeof EXPECTATION_METRICS)[number];

/** How a measured value must compare with its reference. */
export type ExpectationOp = '>=' | '>' | '<=' | '<';

/**
 * One claim of a built-in scenario, as data: `metric` of `variant` compared by `op` with either `factor` times
 * the same metric of variant `of` (`{ metric: 'wallMs', variant: 'sequential', op: '>=', factor: 3, of: 'all' }`:
 * sequential takes at least 3x as long as Promise.all), or a fixed `value` (`{ metric: 'orphaned', variant:
 * 'all', op: '>', value: 0 }`). The presets' integration test checks these very objects on the real engine, and
 * the workbench shows each as met or not on the user's machine.
 */
export type Expectation = {
  metric: ExpectationMetric;
  /** The variant id the claim is about. */
  variant: string;
  op: ExpectationOp;
  /**
   * Cores the claim needs free to hold (parallelism: worker threads, a larger libuv pool). On fewer, or on a
   * machine busy with other work, a miss says so; the integration test measures such a claim up to three times.
   */
  needsCores?: number;
} & ({ factor: number; of: string } | { value: number });

/** A metric's value in a run's summary. */
export function metricValue(metrics: RunMetrics, metric: ExpectationMetric): number {
  const [group, key] = metric.split('.') as [string, string | undefined];
  const value = (metrics as unknown as Record<string, unknown>)[group];
  if (key === undefined) return value as number;
  return (value as Record<string, number>)[key]!;
}

function compare(measured: number, op: ExpectationOp, reference: number): boolean {
  switch (op) {
    case '>=':
      return measured >= reference;
    case '>':
      return measured > reference;
    case '<=':
      return measured <= reference;
    case '<':
      return measured < reference;
  }
}

/** What one expectation came to on two (or one) measured variants. */
export interface ExpectationCheck {
  expectation: Expectation;
  met: boolean;
  /** The variant's measured value of the metric. */
  measured: number;
  /** What it was compared with: the other variant's value (before `factor`), or the fixed `value`. */
  reference: number;
  /** `measured / reference` for a comparison of two variants (null when the reference is 0 or it is a fixed value). */
  ratio: number | null;
}

/**
 * Checks one expectation against measured metrics by variant id; null when a variant it needs has not been
 * measured.
 */
export function checkExpectation(expectation: Expectation, metricsByVariant: Readonly<Record<string, RunMetrics | undefined>>): ExpectationCheck | null {
  const own = metricsByVariant[expectation.variant];
  if (own === undefined) return null;
  const measured = metricValue(own, expectation.metric);
  if ('value' in expectation) {
    return { expectation, met: compare(measured, expectation.op, expectation.value), measured, reference: expectation.value, ratio: null };
  }
  const other = metricsByVariant[expectation.of];
  if (other === undefined) return null;
  const reference = metricValue(other, expectation.metric);
  return {
    expectation,
    met: compare(measured, expectation.op, expectation.factor * reference),
    measured,
    reference,
    ratio: reference > 0 ? measured / reference : null,
  };
}
