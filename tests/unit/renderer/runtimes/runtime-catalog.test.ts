import { describe, expect, it } from 'vitest';
import type { RuntimeStatus } from '../../../../shared/api/runtime-methods';
import { checkScenario, type Scenario } from '../../../../shared/scenario';
import { RuntimeCatalog } from '../../../../renderer/state/runtimes/runtime-catalog.svelte';

const status = (name: RuntimeStatus['name'], available: boolean): RuntimeStatus => ({
  name,
  available,
  version: available ? '1' : null,
  path: available ? `/usr/bin/${name}` : null,
  reason: available ? null : `no ${name} on PATH: install it`,
});

function scenario(): Scenario {
  const check = checkScenario({ version: 1, name: 'Waits', strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 2, ms: 5 }] });
  if (!check.ok) throw new Error('bad scenario');
  return check.scenario;
}

describe('the runtime catalog', () => {
  it('asks the backend once, and compares a scenario on the runtimes it reported available', async () => {
    let calls = 0;
    const catalog = new RuntimeCatalog({
      runtimes: {
        list: async () => {
          calls += 1;
          return { runtimes: [status('node', true), status('python', true), status('go', false), status('java', false)] };
        },
      },
    });
    await Promise.all([catalog.load(), catalog.load()]);
    expect(calls).toBe(1);
    expect(catalog.status('go')?.reason).toBe('no go on PATH: install it');
    const { spec, leftOut } = await catalog.comparison(scenario());
    expect(spec?.kind === 'variants' && spec.variants.map((v) => v.scenario.name)).toEqual(['Waits on Node.js', 'Waits on Python']);
    expect(leftOut.map((l) => l.runtime)).toEqual(['go', 'java']);
  });

  it('says why when the list cannot be had, and counts Node alone as available', async () => {
    const catalog = new RuntimeCatalog({ runtimes: { list: () => Promise.reject(new Error('the host is gone')) } });
    await catalog.load();
    expect(catalog.error).toMatch(/Could not find out which runtimes are installed: the host is gone/);
    expect(catalog.available).toEqual(['node']);
  });
});
