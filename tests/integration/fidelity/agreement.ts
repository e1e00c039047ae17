import type { Strategy } from '../../../shared/scenario';

/** The strategies the fidelity suite compares with plain code (`callbacks` too where its shown code runs). */
export const COMPARED_STRATEGIES: readonly Strategy[] = [
  { type: 'sequential' },
  { type: 'all' },
  { type: 'allSettled' },
  { type: 'race' },
  { type: 'any' },
  { type: 'pool', concurrency: 2 },
  { type: 'batch', size: 2 },
  { type: 'workers', threads: 2 },
];

/** The fidelity suite's tolerance: an engine time agrees with the plain code's within 2 ms + 5% of it. */
export function agrees(engineMs: number, plainMs: number): boolean {
  return Math.abs(engineMs - plainMs) <= 2 + 0.05 * Math.abs(plainMs);
}

/** `agrees`, as a line saying what disagreed, or null. */
export function disagreement(what: string, engineMs: number, plainMs: number): string | null {
  return agrees(engineMs, plainMs) ? null : `${what}: engine ${engineMs.toFixed(2)} ms, plain ${plainMs.toFixed(2)} ms`;
}

/**
 * Runs `attempt` (one engine run and one plain run, side by side) up to `times` times and returns the
 * disagreements of the last, or [] as soon as one attempt agrees: on a shared, loaded machine another
 * process can stall either run for a few ms, but not the same way three times over.
 */
export async function agreeInOneOf(times: number, attempt: () => Promise<string[]>): Promise<string[]> {
  let problems: string[] = [];
  for (let i = 0; i < times; i++) {
    problems = await attempt();
    if (problems.length === 0) return [];
  }
  return problems;
}

/** `pool:2`, `batch:2`, `workers:2`, `all`: how the suite and the bench name a strategy. */
export function strategyName(strategy: Strategy): string {
  const parameter = 'concurrency' in strategy ? strategy.concurrency : 'size' in strategy ? strategy.size : 'threads' in strategy ? strategy.threads : null;
  return parameter === null ? strategy.type : `${strategy.type}:${parameter}`;
}
