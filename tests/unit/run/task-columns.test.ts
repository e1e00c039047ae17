import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../../shared/run/base64';
import { recordsFromColumns, unpackTaskColumns } from '../../../shared/run/task-columns';
import { syntheticRun } from '../timeline/fixtures/synthetic-run';
import { makeTasks } from '../history/fixtures';
import { columnsOf } from './task-columns-fixtures';

describe('task columns', () => {
  it('keep every field of every record exactly', () => {
    const tasks = makeTasks(40);
    expect(recordsFromColumns(columnsOf(tasks))).toEqual(tasks);
    expect(recordsFromColumns(columnsOf([]))).toEqual([]);
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

  it('pack whole numbers in the narrowest width that holds them, and times as float64', () => {
    const tasks = makeTasks(300).map((t, i) => ({ ...t, lane: i === 7 ? 70_000 : t.lane }));
    const columns = columnsOf(tasks);
    expect([columns.group.type, columns.index.type, columns.lane.type, columns.kind.type, columns.startMs.type]).toEqual(['u8', 'u16', 'u32', 'u8', 'f64']);
    expect(unpackTaskColumns(columns).lane[7]).toBe(70_000);
  });

  it('make the JSON of a large run far smaller than its records', () => {
    const { tasks } = syntheticRun({ tasks: 20_000, lanes: 8, seed: 3, failureRate: 0.02 });
    const columns = JSON.stringify(columnsOf(tasks)).length;
    const records = JSON.stringify(tasks).length;
    expect(columns / records).toBeLessThan(0.35);
  });

  it('refuse columns that are not what they must be, naming the column', () => {
    const good = () => columnsOf(makeTasks(10));
    const spoilt = (change: (c: ReturnType<typeof good>) => void) => {
      const columns = good();
      change(columns);
      return () => unpackTaskColumns(columns);
    };
    expect(spoilt((c) => (c.count = 11))).toThrow('tasks.index: must have 11 entries (count), got 10');
    expect(spoilt((c) => (c.lane.type = 'i8' as never))).toThrow('tasks.lane: unknown packed type "i8"');
    expect(spoilt((c) => (c.endMs = c.lane))).toThrow('tasks.endMs: must be packed as f64, got u8');
    expect(spoilt((c) => (c.group = c.endMs))).toThrow('tasks.group: must be packed as u8, u16 or u32, got f64');
    expect(spoilt((c) => (c.startMs.base64 = `!${c.startMs.base64.slice(1)}`))).toThrow('tasks.startMs: not base64 (character 0 is "!")');
    expect(spoilt((c) => (c.queuedMs.base64 = 'AAAA'))).toThrow('tasks.queuedMs: 3 bytes is not a whole number of f64 values');
    const columns = good();
    columns.statuses = columns.statuses.slice(0, 1);
    expect(() => recordsFromColumns(columns)).toThrow(/^tasks\.statuses: has no entry [1-9]/);
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
