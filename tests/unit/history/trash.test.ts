import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyErrorOf, makeRunExport, openTempStore } from './fixtures';

let temp: ReturnType<typeof openTempStore>;
beforeEach(() => {
  temp = openTempStore();
});
afterEach(() => temp.dispose());

function rowCounts(file: string): { runs: number; tasks: number; samples: number } {
  const db = new Database(file, { readonly: true });
  const count = (table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const counts = { runs: count('runs'), tasks: count('tasks'), samples: count('samples') };
  db.close();
  return counts;
}

describe('deleting, restoring and purging runs', () => {
  it('hides deleted runs everywhere and puts them back whole on restore', () => {
    const keep = temp.store.importRun(makeRunExport({ name: 'keep' }));
    const drop = temp.store.importRun(makeRunExport({ name: 'drop', notes: 'my notes', tags: ['t'] }, 40));
    const before = temp.store.getRun(drop);

    expect(temp.store.deleteRuns([drop, 12345])).toBe(1);
    expect(temp.store.deleteRuns([drop])).toBe(0);
    expect(temp.store.listRuns().map((r) => r.id)).toEqual([keep]);
    expect(temp.store.countRuns({ tag: 't' })).toBe(0);
    expect(temp.store.getRun(drop)).toBeNull();
    expect(temp.store.getRunSummary(drop)).toBeNull();
    expect(historyErrorOf(() => temp.store.updateRun(drop, { name: 'x' })).code).toBe('not-found');

    expect(temp.store.restoreRuns([drop, keep])).toBe(1);
    expect(temp.store.getRun(drop)).toEqual(before);
    expect(temp.store.countRuns()).toBe(2);
  });

  it('removes trashed runs with their tasks and samples for good on purge', () => {
    const keep = temp.store.importRun(makeRunExport({}, 10));
    const drop = temp.store.importRun(makeRunExport({}, 30));
    temp.store.deleteRuns([drop]);
    expect(rowCounts(temp.file)).toEqual({ runs: 2, tasks: 40, samples: 8 });
    temp.store.purgeDeleted();
    expect(rowCounts(temp.file)).toEqual({ runs: 1, tasks: 10, samples: 4 });
    expect(temp.store.restoreRuns([drop])).toBe(0);
    expect(temp.store.getRun(keep)?.tasks).toHaveLength(10);
    expect(temp.store.importRun(makeRunExport())).toBeGreaterThan(drop);
  });

  it('refuses ids that are not ids', () => {
    const error = historyErrorOf(() => temp.store.deleteRuns([1, -2, 1.5]));
    expect(error.problems.map((p) => p.path)).toEqual(['[1]', '[2]']);
  });
});

describe('updateRun', () => {
  it('renames, annotates and retags a run, changing nothing else', () => {
    const id = temp.store.importRun(makeRunExport({ tags: ['old'] }));
    const before = temp.store.getRunSummary(id);
    const after = temp.store.updateRun(id, { name: '  Renamed  ', notes: 'Line 1\nLine 2', tags: ['a', 'b', 'a'] });
    expect(after).toEqual({ ...before, name: 'Renamed', notes: 'Line 1\nLine 2', tags: ['a', 'b'] });
    expect(temp.store.updateRun(id, {})).toEqual(after);
    expect(temp.store.updateRun(id, { tags: [] }).tags).toEqual([]);
  });

  it('refuses an empty name and unknown fields, changing nothing', () => {
    const id = temp.store.importRun(makeRunExport());
    const before = temp.store.getRunSummary(id);
    const error = historyErrorOf(() => temp.store.updateRun(id, { name: ' ', colour: 'red' } as { name: string }));
    expect(error.message).toContain('name: must not be empty');
    expect(error.message).toContain('has unknown field "colour"');
    expect(temp.store.getRunSummary(id)).toEqual(before);
    expect(historyErrorOf(() => temp.store.updateRun(404, { notes: 'x' })).message).toBe('There is no run with id 404.');
  });
});
