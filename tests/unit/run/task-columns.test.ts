import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../../shared/run/base64';
import { checkTaskColumns, recordsFromArrays } from '../../../shared/run/task-columns';
import { syntheticRun } from '../timeline/fixtures/synthetic-run';
import { makeTasks } from '../history/fixtures';
import { columnsOf } from './task-columns-fixtures';

describe('task columns', () => {
  it('keep every field of every record exactly', () => {
    const tasks = makeTasks(40);
    expect(recordsFromArrays(columnsOf(tasks))).toEqual(tasks);
    expect(recordsFromArrays(columnsOf([]))).toEqual([]);
  });

  it('name each kind, status and error message once, and list errors only for the tasks that have one', () => {
    const tasks = makeTasks(40);
    const columns = columnsOf(tasks);
    expect(columns.kinds).toEqual(['timer']);
    expect(new Set(columns.statuses)).toEqual(new Set(tasks.map((t) => t.status)));
    expect(columns.statuses).toHaveLength(new Set(columns.statuses).size);
    expect(columns.errors.at).toEqual(tasks.flatMap((t, i) => (t.error === null ? [] : [i])));
    expect(columns.errors.messages).toHaveLength(new Set(tasks.map((t) => t.error).filter((e) => e !== null)).size);
  });

  it('hold whole numbers in the narrowest width that holds them, times as float64, each array exactly its tasks', () => {
    const tasks = makeTasks(300).map((t, i) => ({ ...t, lane: i === 7 ? 70_000 : t.lane }));
    const columns = columnsOf(tasks);
    const types = [columns.group, columns.index, columns.lane, columns.kind, columns.startMs].map((c) => c.constructor.name);
    expect(types).toEqual(['Uint8Array', 'Uint16Array', 'Uint32Array', 'Uint8Array', 'Float64Array']);
    expect(columns.lane[7]).toBe(70_000);
    // A clone copies a typed array's whole buffer: the builder's spare capacity must not travel.
    expect(columns.startMs.buffer.byteLength).toBe(300 * 8);
  });

  it('make a large run far smaller in bytes than the JSON of its records', () => {
    const { tasks } = syntheticRun({ tasks: 20_000, lanes: 8, seed: 3, failureRate: 0.02 });
    const columns = columnsOf(tasks);
    const bytes = Object.values(columns).reduce((sum: number, value) => sum + (ArrayBuffer.isView(value) ? value.byteLength : 0), 0);
    expect(bytes / JSON.stringify(tasks).length).toBeLessThan(0.25);
  });

  it('refuse columns that are not what they must be, naming the column', () => {
    const good = () => columnsOf(makeTasks(10));
    const spoilt = (change: (c: ReturnType<typeof good>) => void) => {
      const columns = good();
      change(columns);
      return () => checkTaskColumns(columns);
    };
    expect(spoilt(() => undefined)).not.toThrow();
    expect(spoilt((c) => (c.count = 11))).toThrow('tasks.index: must have 11 entries (count), got 10');
    expect(spoilt((c) => (c.count = -1))).toThrow('tasks.count: must be a whole number >= 0, got -1');
    expect(spoilt((c) => (c.lane = new Int8Array(10) as never))).toThrow('tasks.lane: must be a Uint8Array, Uint16Array or Uint32Array, got Int8Array');
    expect(spoilt((c) => (c.endMs = c.lane as never))).toThrow('tasks.endMs: must be a Float64Array, got Uint8Array');
    expect(spoilt((c) => (c.group = c.endMs as never))).toThrow('tasks.group: must be a Uint8Array, Uint16Array or Uint32Array, got Float64Array');
    expect(spoilt((c) => (c.startMs = null as never))).toThrow('tasks.startMs: must be a Float64Array, got null');
    expect(spoilt((c) => (c.queuedMs = [1, 2] as never))).toThrow('tasks.queuedMs: must be a Float64Array, got Array');
    expect(spoilt((c) => (c.kinds = 'timer' as never))).toThrow('tasks.kinds: must be an array, got string');
    expect(spoilt((c) => (c.errors = {} as never))).toThrow('tasks.errors.at: must be an array, got undefined');
    const columns = good();
    columns.statuses = columns.statuses.slice(0, 1);
    expect(() => recordsFromArrays(columns)).toThrow(/^tasks\.statuses: has no entry [1-9]/);
  });
});

describe('decodeBase64', () => {
  it('decodes what Node encodes, with and without padding', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 255, 1000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37) % 256);
      expect(decodeBase64(Buffer.from(bytes).toString('base64'), 'x')).toEqual(bytes);
    }
    expect(() => decodeBase64('abc', 'x')).toThrow('x: not base64 (its length 3 is not a multiple of 4)');
    expect(() => decodeBase64('ab=c', 'x')).toThrow('x: not base64 (character 2 is "=")');
  });
});
