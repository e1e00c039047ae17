import { RUNTIME_LABELS, RUNTIMES, unsupportedKind, unsupportedStrategy, unsupportedTargetPlacement, type Runtime, type Scenario } from '../scenario';
import type { ExperimentSpecInput } from './experiment-spec';

/** A runtime the comparison leaves out, and why. */
export interface RuntimeLeftOut {
  runtime: Runtime;
  reason: string;
}

/** The "Compare runtimes" experiment of a scenario, and the runtimes it could not include. */
export interface RuntimeComparison {
  /** Null when fewer than two runtimes can run it: there would be nothing to compare. */
  spec: ExperimentSpecInput | null;
  leftOut: RuntimeLeftOut[];
}

/** Why `scenario` cannot run on `runtime` (a strategy or kind that runtime has no idiom for, a target in the engine), or null. */
export function whyNotOn(scenario: Scenario, runtime: Runtime): string | null {
  const strategy = unsupportedStrategy(runtime, scenario.strategy.type) ?? unsupportedTargetPlacement(runtime, scenario.options.target);
  if (strategy !== null) return strategy;
  for (const group of scenario.tasks) {
    const kind = unsupportedKind(runtime, group.kind);
    if (kind !== null) return kind;
  }
  return null;
}

/** The scenario's name for its run on `runtime`: the runtime it names swapped for the other, or added. */
function nameOn(scenario: Scenario, runtime: Runtime): string {
  const own = RUNTIME_LABELS[scenario.runtime];
  const name = scenario.name.includes(own) ? scenario.name.replace(own, RUNTIME_LABELS[runtime]) : `${scenario.name} on ${RUNTIME_LABELS[runtime]}`;
  return name.slice(0, 120);
}

/**
 * The scenario once on every runtime that is `available` here and can run it, as one `variants` experiment (its
 * runs then compare on one time axis, the scenario's own runtime first as the baseline).
 */
export function compareRuntimes(scenario: Scenario, available: readonly Runtime[]): RuntimeComparison {
  const leftOut: RuntimeLeftOut[] = [];
  const order = [scenario.runtime, ...RUNTIMES.filter((r) => r !== scenario.runtime)];
  const runtimes = order.filter((runtime) => {
    const reason = available.includes(runtime) ? whyNotOn(scenario, runtime) : `${RUNTIME_LABELS[runtime]} is not installed here`;
    if (reason !== null) leftOut.push({ runtime, reason });
    return reason === null;
  });
  if (runtimes.length < 2) return { spec: null, leftOut };
  return {
    spec: {
      kind: 'variants',
      name: `Runtimes: ${scenario.name}`.slice(0, 120),
      variants: runtimes.map((runtime) => ({
        label: RUNTIME_LABELS[runtime],
        scenario: { ...scenario, runtime, name: nameOn(scenario, runtime) },
      })),
    },
    leftOut,
  };
}
