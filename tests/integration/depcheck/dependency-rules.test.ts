import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * Proves that every rule of the dependency check can fail: a temporary tree holds one crafted violation per
 * rule (and a few imports the rules allow on purpose), and the real `.dependency-cruiser.cjs` is run over it
 * by the real depcruise binary. A rule that could never fire (as one matching the bare name `electron` once
 * did, while dependency-cruiser reports the resolved `node_modules/electron/index.js`) fails here.
 */

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, '../../..');
const CONFIG = path.join(REPO, '.dependency-cruiser.cjs');
const DEPCRUISE = path.join(REPO, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const TSC = path.join(REPO, 'node_modules/typescript/bin/tsc');

interface CraftedViolation {
  rule: string;
  /** The importing file, relative to the tree. */
  from: string;
  /** The file it imports, as dependency-cruiser resolves it. */
  to: string;
  source: string;
}

const VIOLATIONS: readonly CraftedViolation[] = [
  { rule: 'shared-imports-nothing-of-ours', from: 'shared/leak.ts', to: 'electron/backend/service.ts', source: "import '../electron/backend/service';\n" },
  {
    rule: 'shared-scenario-through-its-index',
    from: 'renderer/scenario-file.ts',
    to: 'shared/scenario/strategy.ts',
    source: "import '../shared/scenario/strategy';\n",
  },
  { rule: 'renderer-imports-only-shared', from: 'renderer/leak.ts', to: 'electron/backend/service.ts', source: "import '../electron/backend/service';\n" },
  { rule: 'engine-imports-only-shared', from: 'electron/engine/leak.ts', to: 'electron/backend/service.ts', source: "import '../backend/service';\n" },
  { rule: 'backend-imports-no-host-or-shell', from: 'electron/backend/leak.ts', to: 'electron/cli/program.ts', source: "import '../cli/program';\n" },
  { rule: 'host-imports-only-shared-and-backend', from: 'electron/host/leak.ts', to: 'electron/cli/program.ts', source: "import '../cli/program';\n" },
  { rule: 'cli-imports-only-shared-and-backend', from: 'electron/cli/leak.ts', to: 'electron/main/window.ts', source: "import '../main/window';\n" },
  {
    rule: 'only-serve-starts-the-host',
    from: 'electron/cli/commands/list.ts',
    to: 'electron/host/host-server.ts',
    source: "import '../../host/host-server';\n",
  },
  { rule: 'preload-imports-only-shared', from: 'electron/preload/leak.ts', to: 'electron/backend/service.ts', source: "import '../backend/service';\n" },
  {
    rule: 'only-main-and-preload-import-electron',
    from: 'electron/backend/uses-electron.ts',
    to: 'node_modules/electron/index.js',
    source: "import 'electron';\n",
  },
  {
    rule: 'only-main-imports-electron-updater',
    from: 'electron/cli/uses-updater.ts',
    to: 'node_modules/electron-updater/index.js',
    source: "import 'electron-updater';\n",
  },
  { rule: 'no-node-builtins-in-shared-or-renderer', from: 'shared/uses-fs.ts', to: 'fs', source: "import 'node:fs';\n" },
  { rule: 'no-circular', from: 'electron/backend/loop-a.ts', to: 'electron/backend/loop-b.ts', source: "import './loop-b';\n" },
];

/** The rest of the tree: the files the violations import, and imports every rule allows. */
const ALLOWED: Readonly<Record<string, string>> = {
  'shared/scenario/index.ts': "export * from './strategy';\n",
  'shared/scenario/strategy.ts': 'export const STRATEGY = 1;\n',
  'renderer/uses-scenario.ts': "import '../shared/scenario';\n",
  'electron/backend/service.ts': "import '../../shared/scenario';\n",
  'electron/backend/loop-b.ts': "import './loop-a';\n",
  'electron/cli/program.ts': "import '../backend/service';\n",
  'electron/cli/commands/serve.ts': "import '../../host/host-server';\n",
  'electron/host/host-server.ts': "import '../backend/service';\n",
  'electron/main/window.ts': "import 'electron';\n",
  'electron/preload/index.ts': "import 'electron';\nimport '../../shared/scenario';\n",
  // A stand-in for the electron package with the same resolved path (node_modules/electron/index.js).
  'node_modules/electron/package.json': '{ "name": "electron", "main": "index.js" }\n',
  'node_modules/electron/index.js': 'module.exports = {};\n',
  'node_modules/electron-updater/package.json': '{ "name": "electron-updater", "main": "index.js" }\n',
  'node_modules/electron-updater/index.js': 'module.exports = {};\n',
  'tsconfig.node.json': '{ "compilerOptions": { "module": "ESNext", "moduleResolution": "bundler" } }\n',
};

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

let tree: string;

async function writeTree(root: string, files: Readonly<Record<string, string>>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
}

/** Runs a command that is expected to fail; resolves with its exit code and output. */
async function runFailing(file: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [file, ...args], { cwd, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

beforeAll(async () => {
  tree = await mkdtemp(path.join(tmpdir(), 'dependency-rules-'));
  await writeTree(tree, ALLOWED);
  await writeTree(tree, Object.fromEntries(VIOLATIONS.map((v) => [v.from, v.source])));
});

afterAll(async () => {
  await rm(tree, { recursive: true, force: true });
});

describe('the dependency check', () => {
  let violations: Violation[];
  let errOutput: { code: number; output: string };

  beforeAll(async () => {
    const json = await runFailing(DEPCRUISE, ['--config', CONFIG, '--output-type', 'json', 'shared', 'electron', 'renderer'], tree);
    violations = (JSON.parse(json.output.slice(json.output.indexOf('{'))) as { summary: { violations: Violation[] } }).summary.violations;
    errOutput = await runFailing(DEPCRUISE, ['--config', CONFIG, 'shared', 'electron', 'renderer'], tree);
  });

  it('has a crafted violation for every rule of the config', async () => {
    const config = createRequire(import.meta.url)(CONFIG) as { forbidden: { name: string }[] };
    expect(new Set(VIOLATIONS.map((v) => v.rule))).toEqual(new Set(config.forbidden.map((rule) => rule.name)));
  });

  it.each(VIOLATIONS)('$rule fires on $from -> $to', ({ rule, from, to }) => {
    expect(violations).toContainEqual(expect.objectContaining({ from, to, rule: expect.objectContaining({ name: rule }) }));
    expect(errOutput.output).toContain(rule);
  });

  it('fails the check, and reports nothing but the crafted violations', () => {
    expect(errOutput.code).not.toBe(0);
    const crafted = new Set(VIOLATIONS.map((v) => `${v.rule} ${v.from}`));
    // The cycle is reported from both of its ends.
    crafted.add('no-circular electron/backend/loop-b.ts');
    expect(violations.map((v) => `${v.rule.name} ${v.from}`).filter((key) => !crafted.has(key))).toEqual([]);
  });
});

describe("shared/'s type check", () => {
  it('refuses DOM and Node globals in shared/', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'shared-globals-'));
    try {
      await writeTree(dir, {
        'uses-globals.ts': 'export const title = document.title;\nexport const cwd = process.cwd();\n',
        'tsconfig.json': JSON.stringify({ extends: path.join(REPO, 'tsconfig.shared.json'), include: [], files: ['uses-globals.ts'] }),
      });
      const { code, output } = await runFailing(TSC, ['-p', path.join(dir, 'tsconfig.json')], dir);
      expect(code).not.toBe(0);
      expect(output).toContain("Cannot find name 'document'");
      expect(output).toContain("Cannot find name 'process'");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
