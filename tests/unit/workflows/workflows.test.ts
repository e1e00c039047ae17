import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const WORKFLOWS = ['.github/workflows/ci.yml', '.github/workflows/release.yml'];
const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const scripts = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** action-validator (the GitHub workflow schema, compiled to WebAssembly: it runs offline) on one file. */
function validate(file: string) {
  const cli = path.join(projectRoot, 'node_modules', '@action-validator', 'cli', 'cli.mjs');
  const result = spawnSync(process.execPath, [cli, file], { cwd: projectRoot, encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

type Step = { run?: string; uses?: string; if?: string };
type Workflow = { jobs: Record<string, { steps: Step[] }> };

/** Every shell command line the workflow's `run` steps execute. */
function commandLines(file: string): string[] {
  const workflow = load(readFileSync(path.join(projectRoot, file), 'utf8')) as Workflow;
  return Object.values(workflow.jobs)
    .flatMap((job) => job.steps)
    .flatMap((step) => (step.run ?? '').split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

describe.each(WORKFLOWS)('%s', (file) => {
  it('passes the GitHub workflow schema', () => {
    const result = validate(file);
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('installs with `npm ci`, as the README says, and never runs the tools behind the npm scripts itself', () => {
    const lines = commandLines(file);
    expect(lines).toContain('npm ci');
    const copies = lines.filter((line) => /\b(electron-builder|electron-vite|vitest|playwright test|svelte-check|depcruise|tsc)\b/.test(line));
    expect(copies).toEqual([]);
    for (const script of ['test', 'dist']) expect(lines.filter((line) => line.includes(scripts[script]!))).toEqual([]);
  });
});

describe('the workflows and the README', () => {
  it('CI runs `npm test` (under a virtual display on Linux) and the release runs `npm run dist`', () => {
    const ci = commandLines(WORKFLOWS[0]!);
    expect(ci).toEqual(expect.arrayContaining(['npm test', 'xvfb-run --auto-servernum npm test']));
    expect(commandLines(WORKFLOWS[1]!).filter((line) => line.startsWith('npm run dist'))).toEqual(['npm run dist -- --publish never']);
  });

  it('set up the Node version of .nvmrc, which package.json accepts', () => {
    const nvmrc = readFileSync(path.join(projectRoot, '.nvmrc'), 'utf8').trim();
    const { engines } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(nvmrc).toMatch(/^\d+$/);
    expect(engines.node).toMatch(new RegExp(`^>=${nvmrc}\\.`));
    for (const file of WORKFLOWS) expect(readFileSync(path.join(projectRoot, file), 'utf8')).toContain('node-version-file: .nvmrc');
  });

  it('the README names every command the workflows build and test with', () => {
    for (const command of ['npm ci', 'npm test', 'npm run dist']) expect(readme).toContain(`\`${command}\``);
  });
});

describe('release.yml', () => {
  const workflow = load(readFileSync(path.join(projectRoot, WORKFLOWS[1]!), 'utf8')) as Workflow;
  const steps = workflow.jobs.installers!.steps;

  it('smoke-tests the AppImage, the deb, the dmg, the zip and the NSIS installer, and checks every printed summary', () => {
    const lines = steps.flatMap((step) => (step.run ?? '').split('\n'));
    const outputs = lines.filter((line) => line.includes('--smoke-test')).map((line) => /smoke-[a-z]+\.txt/.exec(line)?.[0]);
    expect(outputs).toEqual(['smoke-appimage.txt', 'smoke-deb.txt', 'smoke-dmg.txt', 'smoke-zip.txt', 'smoke-nsis.txt']);
    const checked = lines.map((line) => /^\s*npx tsx scripts\/release\/check-smoke-test\.ts (\S+)$/.exec(line)?.[1]).filter(Boolean);
    expect(checked).toEqual(outputs);
  });

  it('keeps the installers only after they were smoke-tested, and drafts the release only from kept installers', () => {
    const keep = steps.findIndex((step) => step.uses?.startsWith('actions/upload-artifact@'));
    const lastSmokeTest = steps.findLastIndex((step) => (step.run ?? '').includes('--smoke-test'));
    expect(keep).toBeGreaterThan(lastSmokeTest);
    const draft = (workflow.jobs as Record<string, { needs?: string; steps: Step[] }>)['draft-release']!;
    expect(draft.needs).toBe('installers');
    expect(draft.steps.map((step) => step.run ?? '').join('\n')).toContain('gh release create "$GITHUB_REF_NAME" installers/* --repo "$GITHUB_REPOSITORY" --draft');
  });
});

describe('the workflow validator', () => {
  it('rejects a workflow with a step the schema does not allow, naming it (so the check above can fail)', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'workflow-'));
    try {
      const file = path.join(folder, 'bad.yml');
      writeFileSync(file, 'name: bad\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n        timeout: 5\n');
      const result = validate(file);
      expect(result.status).toBe(1);
      expect(result.output).toContain("Additional property 'timeout' is not allowed");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
