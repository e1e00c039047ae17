import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliFixture, STACK_LINE } from './cli-fixture';

let cli: CliFixture;

beforeAll(async () => {
  cli = await CliFixture.create();
});

afterAll(async () => {
  await cli.dispose();
});

const timers = { version: 1, name: 'timers', strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 2, ms: 1 }] };

describe('CLI bad usage and bad input exit with 2 and a clear message', () => {
  it.each([
    ['an unknown flag', ['list', '--nope'], /unknown option '--nope'/],
    ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
    ['a bad --limit', ['list', '--limit', '0'], /--limit .*must be a whole number >= 1/],
    ['a bad run id', ['show', 'abc'], /run id must be a whole number >= 1, got "abc"/],
    ['an unknown run id', ['show', '999'], /There is no run with id 999/],
    ['compare with one id', ['compare', '1'], /at least two run ids/],
    ['an unknown preset', ['run', '--preset', 'nope'], /unknown preset "nope": use one of/],
    ['a bad export format', ['export', '1', '--format', 'xml'], /Allowed choices are json, csv, trace/],
    ['delete without --yes off a terminal', ['delete', '1'], /refusing to delete without --yes/],
  ])('%s', async (_what, args, message) => {
    const { code, stderr, stdout } = await cli.run(args);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });

  it.each([
    ['--matrix with --strategy', ['--matrix', 'all,pool:2', '--strategy', 'all'], /^--matrix sets the strategy of every run: leave out --strategy$/m],
    ['--sweep with --matrix', ['--sweep', 'pool:1..4', '--matrix', 'all'], /^--matrix and --sweep cannot be used together/],
    ['--repeat 0', ['--repeat', '0'], /^error: option '--repeat <k>' argument '0' is invalid\. must be a whole number from 1 to 100$/m],
    ['--sweep pool:1..x', ['--sweep', 'pool:1..x'], /N in pool:1\.\.N must be a whole number from 1 to 10000, got "x"$/m],
    ['--sweep workers:1..4', ['--sweep', 'workers:1..4'], /only a pool's concurrency can be swept: use pool:1\.\.N, not workers:1\.\.4$/m],
    ['an experiment with --no-save', ['--repeat', '2', '--no-save'], /^--repeat stores its runs in the history as one experiment, so it cannot be used with --no-save$/m],
  ])('experiment flags: %s', async (_what, flags, message) => {
    const file = await cli.writeJson('ok.json', timers);
    const { code, stderr, stdout } = await cli.run(['run', file, ...flags]);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });

  it('stores nothing for refused experiments', async () => {
    expect(await cli.json(['list', '--experiments', '--json'])).toEqual({ experiments: [] });
  });

  it('an unknown experiment id', async () => {
    const { code, stderr } = await cli.run(['show', '--experiment', '99']);
    expect(stderr).toMatch(/^There is no experiment with id 99 in /);
    expect(code).toBe(2);
  });

  it('a bad strategy, naming the allowed ones', async () => {
    const file = await cli.writeJson('ok.json', timers);
    const { code, stderr } = await cli.run(['run', file, '--strategy', 'pool:x']);
    expect(stderr).toMatch(/strategy "pool" needs a whole number concurrency, as in pool:4/);
    expect(code).toBe(2);
    const unknown = await cli.run(['run', file, '--strategy', 'fastest']);
    expect(unknown.stderr).toMatch(/unknown strategy "fastest": use one of sequential, all/);
    expect(unknown.code).toBe(2);
  });

  it('a missing scenario file, invalid JSON and an invalid scenario, each named', async () => {
    const missing = await cli.run(['run', cli.file('missing.json')]);
    expect(missing.stderr.trim()).toBe(`${cli.file('missing.json')}: no such file`);
    expect(missing.code).toBe(2);

    const broken = await cli.writeJson('broken.json', '{ "version": 1, ');
    const syntax = await cli.run(['run', broken]);
    expect(syntax.stderr).toMatch(/broken\.json: \(root\): is not valid JSON/);
    expect(syntax.code).toBe(2);

    const invalid = await cli.writeJson('invalid.json', { ...timers, tasks: [{ kind: 'timer', count: -4, ms: 1, jiterMs: 2 }], extra: true });
    const problems = await cli.run(['run', invalid, '--json']);
    expect(problems.stderr.trim().split('\n')).toEqual([
      `${invalid}: tasks[0].count: must be a whole number >= 1, got -4`,
      `${invalid}: tasks[0]: has unknown field "jiterMs" (did you mean "jitterMs"?)`,
      `${invalid}: (root): has unknown field "extra"`,
    ]);
    expect(problems.stdout).toBe('');
    expect(problems.code).toBe(2);
  });

  it('a run the engine cannot carry out exits 1, after printing it as failed', async () => {
    const file = await cli.writeJson('bad-sql.json', { ...timers, tasks: [{ kind: 'sqlite', count: 1, rows: 10, sql: 'SELEKT 1' }] });
    const { code, stdout, stderr } = await cli.run(['run', file, '--json']);
    const { runs } = JSON.parse(stdout) as { runs: { status: string; error: string }[] };
    expect(runs[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/tasks\[0\]\.sql/) });
    expect(stderr).toMatch(/^Run \d+ failed: .*tasks\[0\]\.sql/m);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(code).toBe(1);
  });

  it('help exits 0', async () => {
    const { code, stdout } = await cli.run(['--help']);
    expect(stdout).toMatch(/Usage: concurrency-explorer/);
    for (const command of ['run', 'list', 'show', 'compare', 'export', 'import', 'delete', 'presets', 'whatif']) expect(stdout).toContain(command);
    expect(code).toBe(0);
  });
});
