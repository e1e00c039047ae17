import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError, importRunFile } from '../../../electron/backend/transfer';
import { TASK_BATCH } from '../../../electron/backend/transfer/import-reader';
import { makeRunExport, makeTempDir, openTempStore } from '../history/fixtures';
import { thrownError } from '../../fixtures/thrown-error';
import { writeLargeExport } from './fixtures/large-export';

const PEAK_CHILD = 'tests/unit/transfer/fixtures/import-peak.ts';
const MB = 1024 * 1024;

let temp: ReturnType<typeof openTempStore>;
let dir: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = openTempStore();
  temp.store.importRun(makeRunExport());
  dir = makeTempDir();
});
afterAll(() => {
  temp.dispose();
  dir.remove();
});

function rowCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(['runs', 'tasks', 'task_chunks', 'samples'].map((table) => [table, db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

/** Imports `file` in a process whose V8 heap may not grow beyond `heapMb`; true when it succeeded. */
function importsWithin(heapMb: number, mode: 'stream' | 'whole', file: string, db: string): boolean {
  const child = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, '--import', 'tsx', PEAK_CHILD, mode, file, db], { encoding: 'utf8' });
  return child.status === 0;
}

describe('importing an export of any size', () => {
  it('imports 500,000 tasks in a heap half the size of the file, which a whole-file parse cannot', () => {
    const file = join(dir.dir, 'large.json');
    writeLargeExport(file, 500_000);
    // Half the file: room for a batch of tasks and the checks' few bytes a task, not for anything kept per task as an object.
    const heapMb = Math.round(statSync(file).size / MB / 2);
    const streamed = join(dir.dir, 'streamed.sqlite');
    expect(importsWithin(heapMb, 'stream', file, streamed)).toBe(true);
    expect(rowCounts(streamed)).toMatchObject({ runs: 1, tasks: 500_000 });
    // The baseline in the same sitting: the whole text parsed and then checked needs more than that heap.
    expect(importsWithin(heapMb, 'whole', file, join(dir.dir, 'whole.sqlite'))).toBe(false);
  }, 300_000);

  it('leaves the history as it was when a task far into the file is bad, after whole chunks were written', () => {
    const file = join(dir.dir, 'bad-late.json');
    const bad = Math.round(2.5 * TASK_BATCH);
    writeLargeExport(file, 3 * TASK_BATCH, (task) => (task.index === bad ? { ...task, endMs: task.startMs - 1 } : task));
    const before = rowCounts(temp.file);
    const error = thrownError(ImportError, () => importRunFile(temp.store, file));
    expect(error.problems.map((p) => p.path)).toEqual([`run.tasks[${bad}].endMs`]);
    expect(rowCounts(temp.file)).toEqual(before);
    const schemaBad = join(dir.dir, 'schema-bad-late.json');
    writeLargeExport(schemaBad, 3 * TASK_BATCH, (task) => (task.index === bad ? { ...task, lane: -1 } : task));
    expect(thrownError(ImportError, () => importRunFile(temp.store, schemaBad)).problems).toEqual([{ path: `run.tasks[${bad}].lane`, message: 'must be >= 0, got -1' }]);
    expect(rowCounts(temp.file)).toEqual(before);
  }, 120_000);

  it('checks tasks that come before the scenario against it once it is read', () => {
    const file = join(dir.dir, 'tasks-first.json');
    writeLargeExport(file, 16, (task) => (task.index === 5 ? { ...task, group: 9 } : task.index === 6 ? { ...task, kind: 'cpu' } : task));
    expect(readFileSync(file, 'utf8').indexOf('"tasks":[')).toBeLessThan(readFileSync(file, 'utf8').indexOf('"scenario":'));
    expect(thrownError(ImportError, () => importRunFile(temp.store, file)).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'run.tasks[5].group: must be a task group of the scenario (0 to 1), got 9',
      'run.tasks[6].kind: must be "timer" like task group 0, got "cpu"',
    ]);
  });

  it('says where a file stops being JSON, and reads one that starts with a byte-order mark', () => {
    const text = JSON.stringify(makeRunExport());
    const broken = join(dir.dir, 'broken.json');
    writeFileSync(broken, text.replace('"run":{', '"run":\n  {]'));
    const [problem] = thrownError(ImportError, () => importRunFile(temp.store, broken)).problems;
    expect(problem?.message).toMatch(/^is not valid JSON: .* at character \d+ \(line 2, column 4\)$/);
    const marked = join(dir.dir, 'marked.json');
    writeFileSync(marked, `\ufeff${text}`);
    const id = importRunFile(temp.store, marked);
    expect(temp.store.getRun(id)?.tasks).toHaveLength(12);
    expect(readFileSync(marked, 'utf8').charCodeAt(0)).toBe(0xfeff);
  });
});
