import { COMPARED_STRATEGIES, strategyName } from '../integration/fidelity/agreement';
import { compareWithPlain, FIDELITY_KINDS } from '../integration/fidelity/fidelity-compare';

/**
 * The fidelity comparison of `npm test` (tests/integration/fidelity/fidelity.test.ts), every kind and
 * strategy, as a table: one row per kind, how many strategies agreed with the plain code within 2 ms + 5%
 * (or the plain code's own spread; at most `FIDELITY_ATTEMPTS` engine runs each), and what the closest
 * engine run disagreed on where none agreed.
 */
export async function benchFidelity(): Promise<{ name: string; figure: string; target: string; detail: string }[]> {
  const rows = [];
  for (const [kind, tasks] of Object.entries(FIDELITY_KINDS)) {
    const disagreed: string[] = [];
    for (const strategy of COMPARED_STRATEGIES) {
      const problems = await compareWithPlain(strategy, tasks);
      if (problems.length > 0) disagreed.push(`${strategyName(strategy)} (${problems[0]})`);
    }
    const agreed = COMPARED_STRATEGIES.length - disagreed.length;
    rows.push({ name: kind, figure: `${agreed}/${COMPARED_STRATEGIES.length} agree`, target: `${COMPARED_STRATEGIES.length}/${COMPARED_STRATEGIES.length}`, detail: disagreed.join('; ') || 'every strategy agrees' });
  }
  return rows;
}
