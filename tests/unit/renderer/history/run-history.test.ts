/// <reference types="svelte" />
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunHistory } from '../../../../renderer/state/history/run-history.svelte';
import { PAGE_ROWS } from '../../../../renderer/state/history/run-pages.svelte';
import { HistoryBackend } from './history-backend';

let backend: HistoryBackend;
let history: RunHistory;

beforeEach(() => {
  backend = new HistoryBackend();
  history = backend.history();
});
afterEach(() => backend.dispose());

/** The names of the rows `[first, end)` as the table would show them (undefined while a page is on its way). */
function names(first: number, end: number): (string | undefined)[] {
  return Array.from({ length: end - first }, (_, i) => history.pages.row(first + i)?.name);
}

async function settled(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('RunHistory: the list', () => {
  it('lists the newest runs first, one page at a time, with the total that match', async () => {
    backend.addRuns(PAGE_ROWS * 2 + 50);
    await history.refresh();
    expect(history.total).toBe(250);
    expect(names(0, 3)).toEqual(['run 249', 'run 248', 'run 247']);
    expect(history.pages.row(PAGE_ROWS)).toBeUndefined();
    expect(backend.count('history.list')).toBe(1);

    history.pages.ensure(195, 215);
    await settled();
    expect(names(195, 215).every((name) => name !== undefined)).toBe(true);
    expect(history.pages.row(214)?.name).toBe('run 35');
    // Rows 195..214 span pages 1 and 2; page 0 was already there.
    expect(backend.count('history.list')).toBe(3);
    history.pages.ensure(195, 215);
    await settled();
    expect(backend.count('history.list')).toBe(3);
  });

  it('sorts on the backend: a header click sorts by it, a second click reverses', async () => {
    backend.addRun({ name: 'Bravo', wallMs: 300 });
    backend.addRun({ name: 'alpha', wallMs: 100 });
    backend.addRun({ name: 'Charlie', wallMs: 200 });
    await history.refresh();
    const sorting = history.sortBy('name');
    // Until the answer comes, the rows shown are the old order, and the list says it is busy.
    expect(history.pages.busy).toBe(true);
    expect(names(0, 3)).toEqual(['Charlie', 'alpha', 'Bravo']);
    await sorting;
    expect(history.pages.busy).toBe(false);
    expect(names(0, 3)).toEqual(['alpha', 'Bravo', 'Charlie']);
    await history.sortBy('name');
    expect(names(0, 3)).toEqual(['Charlie', 'Bravo', 'alpha']);
    await history.sortBy('wallMs');
    expect(history.filters.order).toBe('desc');
    expect(names(0, 3)).toEqual(['Bravo', 'Charlie', 'alpha']);
  });

  it('filters on the backend by text, strategy, status, tag, days and experiment, and clears', async () => {
    const experimentId = backend.store.createExperiment({ kind: 'repeat', name: 'Repeat x2', params: {} });
    backend.addRun({ name: 'pool run', notes: 'before the fix', tags: ['nightly'], createdAt: '2025-03-01T12:00:00.000Z' });
    backend.addRun({ name: 'all run', strategy: { type: 'all' }, status: 'cancelled', createdAt: '2025-03-05T12:00:00.000Z' });
    backend.addExperimentRun(experimentId, 150);
    await history.refresh();
    expect(history.total).toBe(3);

    await history.setFilter('text', 'THE FIX');
    expect(names(0, history.total)).toEqual(['pool run']);
    await history.clearFilters();
    await history.setFilter('strategy', 'all');
    expect(names(0, history.total)).toEqual(['all run']);
    await history.setFilter('strategy', null);
    await history.setFilter('status', 'cancelled');
    expect(names(0, history.total)).toEqual(['all run']);
    await history.setFilter('status', null);
    await history.setFilter('tag', 'nightly');
    expect(names(0, history.total)).toEqual(['pool run']);
    await history.clearFilters();
    await history.setFilter('from', '2025-03-02');
    await history.setFilter('to', '2025-03-06');
    expect(names(0, history.total)).toEqual(['all run']);
    await history.clearFilters();
    await history.setFilter('experimentId', experimentId);
    expect(history.total).toBe(1);
    expect(history.pages.row(0)?.experimentId).toBe(experimentId);
    expect(history.experiments.map((e) => e.name)).toEqual(['Repeat x2']);
    await history.clearFilters();
    expect(history.filters.active).toBe(false);
    expect(history.total).toBe(3);
  });

  it('drops the answer to an older query that arrives after a newer one', async () => {
    backend.addRun({ name: 'one', strategy: { type: 'all' } });
    backend.addRun({ name: 'two' });
    let releaseSlow = (): void => {};
    const slowFirst: typeof backend.api.history.list = async (query) => {
      const answer = await backend.api.history.list(query);
      if (query?.strategy === 'all') await new Promise<void>((resolve) => (releaseSlow = resolve));
      return answer;
    };
    const slowHistory = new RunHistory({ ...backend.api, history: { ...backend.api.history, list: slowFirst } });
    const older = slowHistory.setFilter('strategy', 'all');
    await slowHistory.setFilter('strategy', 'pool');
    releaseSlow();
    await older;
    expect(slowHistory.total).toBe(1);
    expect(slowHistory.pages.row(0)?.name).toBe('two');
  });
});

describe('RunHistory: changing runs', () => {
  it('renames a run, changes its notes and tags, in the list and in the opened run', async () => {
    const id = backend.addRun({ name: 'before' });
    await history.refresh();
    await history.open(id);
    expect(await history.update(id, { name: 'after', notes: 'kept for the report', tags: ['baseline', 'v2'] })).toBe(true);
    expect(history.opened).toMatchObject({ name: 'after', notes: 'kept for the report', tags: ['baseline', 'v2'] });
    expect(history.opened?.tasks.count).toBe(12);
    expect(history.pages.row(0)).toMatchObject({ name: 'after', tags: ['baseline', 'v2'] });
  });

  it('says why a change was refused and keeps the run as it was', async () => {
    const id = backend.addRun({ name: 'kept' });
    await history.refresh();
    expect(await history.update(id, { name: '   ' })).toBe(false);
    expect(history.error).toContain(`Run ${id} could not be changed`);
    expect(history.error).toContain('name');
    expect(backend.store.getRunSummary(id)?.name).toBe('kept');
  });

  it('deletes the selected runs and puts them back on Undo', async () => {
    const [a, b, c] = backend.addRuns(3) as [number, number, number];
    await history.refresh();
    history.selection.toggle(c);
    history.selection.toggle(a);
    expect(history.selection.ids).toEqual([c, a]);
    await history.open(a);

    expect(await history.trash.remove(history.selection.ids)).toBe(true);
    expect(history.total).toBe(1);
    expect(history.selection.size).toBe(0);
    expect(history.opened).toBeNull();
    expect(history.trash.lastDeleted).toEqual({ ids: [c, a], count: 2 });
    expect(names(0, 1)).toEqual(['run 1']);
    expect(backend.store.getRunSummary(b)).not.toBeNull();

    expect(await history.trash.undo()).toBe(true);
    expect(history.total).toBe(3);
    expect(history.trash.lastDeleted).toBeNull();
    expect(backend.store.countRuns()).toBe(3);
  });

  it('opens a run in full and an experiment as a whole, one at a time', async () => {
    const experimentId = backend.store.createExperiment({ kind: 'repeat', name: 'Repeat x2', params: {} });
    backend.addExperimentRun(experimentId, 100);
    backend.addExperimentRun(experimentId, 110);
    const single = backend.addRun();
    expect((await history.open(single))?.tasks.count).toBe(12);
    const experiment = await history.openExperiment(experimentId);
    expect(history.opened).toBeNull();
    expect(experiment?.runs).toHaveLength(2);
    expect(experiment?.stats?.wallMs.mean).toBeCloseTo(105);
    expect(await history.open(9999)).toBeNull();
    expect(history.error).toContain('Run 9999 could not be opened');
  });
});
