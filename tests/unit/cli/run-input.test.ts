import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseScenario } from '../../../electron/cli/run/scenario-source';
import { UsageError } from '../../../electron/cli/cli-error';

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cli-input-'));
  await writeFile(file('ok.json'), JSON.stringify({ version: 1, name: 'ok', strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 2, ms: 1 }] }));
  await writeFile(file('bad.json'), JSON.stringify({ version: 1, name: 'bad', strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: -4, ms: 1 }] }));
  await writeFile(file('broken.json'), '{ "version": 1,');
});

afterAll(() => rm(dir, { recursive: true, force: true }));

async function usageLines(promise: Promise<unknown>): Promise<readonly string[]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  return (error as UsageError).lines;
}

describe('chooseScenario', () => {
  it('reads and checks a scenario file, filling in defaults', async () => {
    const scenario = await chooseScenario(file('ok.json'), undefined);
    expect(scenario.name).toBe('ok');
    expect(scenario.options.threadpoolSize).toBe(4);
  });

  it('names the file and the field of every problem', async () => {
    expect(await usageLines(chooseScenario(file('bad.json'), undefined))).toEqual([
      `${file('bad.json')}: tasks[0].count: must be a whole number >= 1, got -4`,
    ]);
  });

  it('reports invalid JSON, a missing file and a folder as bad input', async () => {
    expect((await usageLines(chooseScenario(file('broken.json'), undefined)))[0]).toMatch(/broken\.json: \(root\): is not valid JSON/);
    expect(await usageLines(chooseScenario(file('missing.json'), undefined))).toEqual([`${file('missing.json')}: no such file`]);
    expect(await usageLines(chooseScenario(dir, undefined))).toEqual([`${dir}: is a folder, not a file`]);
  });

  it('runs a built-in preset by id, and refuses an unknown one, both sources, or none', async () => {
    expect((await chooseScenario(undefined, 'sequential-vs-all')).strategy).toEqual({ type: 'sequential' });
    expect((await usageLines(chooseScenario(undefined, 'nope')))[0]).toMatch(/unknown preset "nope": use one of .*sequential-vs-all/);
    expect((await usageLines(chooseScenario(file('ok.json'), 'sequential-vs-all')))[0]).toMatch(/not both/);
    expect((await usageLines(chooseScenario(undefined, undefined)))[0]).toMatch(/needs a scenario file or --preset/);
  });
});
