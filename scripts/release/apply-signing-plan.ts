// The release job's signing step: `npx tsx scripts/release/apply-signing-plan.ts`, with the signing secrets in its
// environment. Prints each decision as a GitHub Actions notice, hands electron-builder's switches to the later steps
// through $GITHUB_ENV, and exits 1 when a secret is set only in part.
import { appendFileSync } from 'node:fs';
import { signingPlan } from './signing-plan';

const plan = signingPlan(process.platform, process.env);
for (const notice of plan.notices) console.log(`::notice title=Signing::${notice}`);
for (const problem of plan.problems) console.log(`::error title=Signing::${problem}`);
const githubEnv = process.env.GITHUB_ENV;
if (githubEnv !== undefined && githubEnv !== '') {
  appendFileSync(githubEnv, Object.entries(plan.env).map(([name, value]) => `${name}=${value}\n`).join(''));
}
if (plan.problems.length > 0) process.exitCode = 1;
