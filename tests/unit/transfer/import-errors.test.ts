import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRunTrace, ImportError, importRunText, parseRunImport } from '../../../electron/backend/transfer';
import type { RunDetail } from '../../../shared/run/run-schema';
import { makeRunExport, openTempStore } from '../history/fixtures';

let temp: ReturnType<typeof openTempStore>;
beforeAll(() => {
  temp = openTempStore();
  temp.store.importRun(makeRunExport());
});
afterAll(() => temp.dispose());

function rowCounts(): number[] {
  const db = new Database(temp.file, { readonly: true });
  const counts = ['runs', 'tasks', 'task_chunks', 'samples'].map((table) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number);
  db.close();
  return counts;
}

/** Imports `text` as the app does, expecting a refusal that changes nothing; returns the error. */
function refused(text: string): ImportError {
  const before = rowCounts();
  let caught: unknown;
  try {
    importRunText(temp.store, text);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ImportError);
  expect(rowCounts()).toEqual(before);
  return caught as ImportError;
}

/** A valid export as plain JSON data, changed by `edit`. */
function edited(edit: (data: any) => void): string {
  const data = JSON.parse(JSON.stringify(makeRunExport()));
  edit(data);
  return JSON.stringify(data);
}

function problemLines(error: ImportError): string[] {
  return error.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('importing a bad file', () => {
  it('accepts the unedited file, so each refusal below is down to its edit', () => {
    expect(parseRunImport(edited(() => {})).run.tasks).toHaveLength(12);
  });

  it('says when the text is not JSON', () => {
    const error = refused('{"format": ');
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.message).toMatch(/^is not valid JSON: /);
    expect(error.message).toMatch(/^This is not a run export that can be imported:\n\(root\): is not valid JSON/);
  });

  it('says when the file is some other kind of file', () => {
    expect(problemLines(refused('[1, 2]'))).toEqual(['(root): must be an object holding an exported run (export --format json)']);
    const trace = exportRunTrace({ ...makeRunExport().run, id: 1, experimentId: null } as RunDetail);
    expect(problemLines(refused(trace))[0]).toMatch(/is a trace export, which cannot be imported back/);
    expect(problemLines(refused(edited((d) => (d.format = 'concurrency-explorer/scenario'))))).toEqual([
      'format: must be "concurrency-explorer/run" (a run exported as JSON), got "concurrency-explorer/scenario"',
    ]);
    expect(problemLines(refused(edited((d) => delete d.format)))).toEqual([
      'format: must be "concurrency-explorer/run" (a run exported as JSON), it is missing',
    ]);
  });

  it('says when the file is from a newer format version', () => {
    expect(problemLines(refused(edited((d) => (d.version = 3))))).toEqual([
      'version: says the export was written by a newer Concurrency Explorer (this one reads versions 1 to 2): update Concurrency Explorer to open it, got 3',
    ]);
    expect(problemLines(refused(edited((d) => (d.version = '2'))))).toEqual(['version: must be a whole number (the export format version, 1 to 2), got "2"']);
    expect(problemLines(refused(edited((d) => (d.version = 1.5))))).toEqual(['version: must be a whole number (the export format version, 1 to 2), got 1.5']);
    expect(problemLines(refused(edited((d) => (d.version = 0))))).toEqual(['version: must be 1 to 2, got 0']);
  });

  it('lists every missing or bad field', () => {
    const error = refused(
      edited((d) => {
        delete d.run.scenario;
        delete d.run.tasks[0].attempts;
        d.run.tasks[3].startMs = -5;
        d.run.samples[1].elu = 2;
        d.extra = true;
      }),
    );
    expect(problemLines(error).sort()).toEqual(
      [
        '(root): has unknown field "extra"',
        'run.scenario: is required',
        'run.tasks[0].attempts: is required',
        'run.tasks[3].startMs: must be >= 0, got -5',
        'run.samples[1].elu: must be <= 1, got 2',
      ].sort(),
    );
    for (const line of problemLines(error)) expect(error.message).toContain(line);
  });

  it('finds counts and tasks that contradict each other', () => {
    const error = refused(
      edited((d) => {
        d.run.metrics.tasks = 99;
        d.run.failures = 0;
        d.run.tasks[5].index = 4;
        d.run.tasks[6].endMs = d.run.tasks[6].startMs - 1;
        d.run.tasks[7].group = 9;
        d.run.tasks[8].kind = 'cpu';
      }),
    );
    const lines = problemLines(error);
    expect(lines).toContain('run.metrics.tasks: must equal the number of tasks in the file (12), got 99');
    expect(lines.find((l) => l.startsWith('run.failures: must equal the number of tasks that ended error, timeout or cancelled'))).toBeDefined();
    expect(lines).toContain('run.tasks[5].index: repeats the index of run.tasks[4], got 4');
    expect(lines.find((l) => l.startsWith('run.tasks[6].endMs: must not be before startMs'))).toBeDefined();
    expect(lines).toContain('run.tasks[7].group: must be a task group of the scenario (0 to 1), got 9');
    expect(lines).toContain('run.tasks[8].kind: must be "timer" like task group 0, got "cpu"');
    expect(lines).toHaveLength(6);
  });

  it('keeps every problem but lists at most 50 in the message', () => {
    const error = refused(edited((d) => d.run.tasks.forEach((t: { queuedMs: number }) => (t.queuedMs = -1))));
    expect(error.problems).toHaveLength(12);
    const many = JSON.parse(JSON.stringify(makeRunExport({}, 60)));
    many.run.tasks.forEach((t: { lane: number }) => (t.lane = -1));
    const big = refused(JSON.stringify(many));
    expect(big.problems).toHaveLength(60);
    expect(big.message).toContain('run.tasks[49].lane');
    expect(big.message).not.toContain('run.tasks[50].lane');
    expect(big.message.endsWith('(and 10 more problems)')).toBe(true);
  });
});
