/**
 * The long fuzzing pass: 10,000 generated inputs for each target of the suite's fuzzing (scenario validation,
 * import parsing into a real history, terminal formatting), counted as tried / clear error / accepted / crash.
 * A crash fails the pass, with the first crashing input. Runs alone with `npx tsx tests/bench/fuzz-long.ts`.
 */
import { pathToFileURL } from 'node:url';
import { fuzz, importTarget, scenarioTarget, terminalTarget, type FuzzCounts, type FuzzTarget } from '../unit/fuzz/fuzz-targets';
import { openTempStore } from '../unit/history/fixtures';

export const LONG_FUZZ_CASES = 10_000;

/** One line per target: its name and counts. Throws when any target crashed. */
export function fuzzLong(cases = LONG_FUZZ_CASES): { name: string; counts: FuzzCounts }[] {
  const temp = openTempStore();
  try {
    const pass = <T>(target: FuzzTarget<T>) => ({ name: target.name, counts: fuzz(target, cases) });
    const results = [pass(scenarioTarget), pass(importTarget(temp.store)), pass(terminalTarget)];
    const crashed = results.find((r) => r.counts.crash > 0);
    if (crashed !== undefined) throw new Error(`${crashed.name} crashed ${crashed.counts.crash} time(s); first: ${crashed.counts.firstCrash}`);
    return results;
  } finally {
    temp.dispose();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const { name, counts } of fuzzLong()) {
    console.log(`${name}: tried ${counts.tried}, clear error ${counts.clearError}, accepted ${counts.accepted}, crash ${counts.crash}`);
  }
}
