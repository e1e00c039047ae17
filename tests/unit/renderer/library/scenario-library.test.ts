/// <reference types="svelte" />
import { describe, expect, it } from 'vitest';
import { ScenarioLibrary } from '../../../../renderer/state/library/scenario-library.svelte';
import { PRESETS } from '../../../../shared/presets';
import type { SavedScenario } from '../../../../shared/run/saved-scenario';
import { checkScenario, type ScenarioInput } from '../../../../shared/scenario';
import { FakeExplorerApi } from '../run/fake-explorer-api';

/** A backend that keeps saved scenarios in memory, checking them as the real one does. */
function memoryApi() {
  const api = new FakeExplorerApi();
  const rows = new Map<number, SavedScenario>();
  let nextId = 1;
  api.scenarios = {
    list: async () => ({ builtIn: [...PRESETS], saved: [...rows.values()] }),
    save: async ({ id, name, scenario }: { id?: number; name: string; scenario: ScenarioInput }) => {
      const check = checkScenario(scenario);
      if (!check.ok) throw Object.assign(new Error('The arguments are not valid'), { problems: check.problems });
      const row = { id: id ?? nextId++, name, scenario: check.scenario, createdAt: 'now', updatedAt: 'now' };
      rows.set(row.id, row);
      return row;
    },
    delete: async ({ id }: { id: number }) => ({ deleted: rows.delete(id) }),
  };
  return api;
}

const SCENARIO: ScenarioInput = { version: 1, name: 'Mine', strategy: { type: 'all' }, tasks: [{ kind: 'timer', count: 1, ms: 1 }] };

describe('ScenarioLibrary', () => {
  it('groups the built-ins by concept in the brief order', async () => {
    const library = new ScenarioLibrary(memoryApi());
    await library.refresh();
    expect(library.byConcept[0]?.concept).toBe('Concurrency vs parallelism');
    expect(library.byConcept.flatMap((g) => g.presets)).toHaveLength(PRESETS.length);
  });

  it('creates, duplicates, renames and deletes saved scenarios', async () => {
    const library = new ScenarioLibrary(memoryApi());
    await library.refresh();
    const created = await library.save('Mine', SCENARIO);
    expect(created?.id).toBe(1);
    const copy = await library.duplicate(1);
    expect(copy?.name).toBe('Mine (copy)');
    await library.rename(1, 'Renamed');
    expect(library.saved.map((s) => s.name)).toEqual(['Mine (copy)', 'Renamed']);
    expect(library.saved.find((s) => s.id === 1)?.scenario.name).toBe('Renamed');
    expect(await library.remove(2)).toBe(true);
    expect(library.saved.map((s) => s.id)).toEqual([1]);
  });

  it('reports a refused save and keeps what it had', async () => {
    const library = new ScenarioLibrary(memoryApi());
    await library.save('Mine', SCENARIO);
    const result = await library.save('Bad', { ...SCENARIO, tasks: [] });
    expect(result).toBeNull();
    expect(library.error).toContain('"Bad" could not be saved');
    expect(library.error).toContain('tasks: must have at least 1 item(s)');
    expect(library.saved.map((s) => s.name)).toEqual(['Mine']);
  });
});
