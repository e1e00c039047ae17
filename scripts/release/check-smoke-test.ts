// The release job's check of an installer's `--smoke-test` output:
// `npx tsx scripts/release/check-smoke-test.ts smoke-output.txt`. Exits 0 when the printed summary shows a run that
// completed with every task ok and stored, on the Electron this checkout builds with; else 1, saying why.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { checkSmokeOutput } from '../../electron/main/smoke-test/smoke-summary';

const [file] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: check-smoke-test.ts <file with the output of the app run with --smoke-test>');
  process.exit(2);
}
const { version } = createRequire(import.meta.url)('electron/package.json') as { version: string };
const verdict = checkSmokeOutput(readFileSync(file, 'utf8'), version);
if (verdict.ok) {
  console.log(`Smoke test output accepted: ${verdict.summary.ok}/${verdict.summary.tasks} tasks ok on Electron ${verdict.summary.electronVersion}.`);
} else {
  console.error(`Smoke test output rejected (${file}): ${verdict.problem}`);
  process.exitCode = 1;
}
