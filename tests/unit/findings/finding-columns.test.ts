import { describe, expect, it } from 'vitest';
import { findingColumnsOf, inIndexOrder } from '../../../shared/findings';
import { craftedRun, tasksOf } from './crafted-run';

const { records } = craftedRun({
  strategy: { type: 'all' },
  groups: [{ kind: 'timer', count: 4, ms: 10 }, { kind: 'cpu', count: 2, ms: 10 }],
  tasks: tasksOf(6, (i) => i * 10, () => 10, (i) => ({ group: i < 4 ? 0 : 1, status: i === 2 ? 'timeout' : 'ok', orphaned: i === 5 })),
});

describe('findingColumnsOf', () => {
  it('puts records that came in any order in the order of their indexes', () => {
    const shuffled = [records[3]!, records[0]!, records[5]!, records[1]!, records[4]!, records[2]!];
    const columns = findingColumnsOf(shuffled);
    expect(columns).toEqual(findingColumnsOf(records));
    expect(Array.from(columns.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(columns.group)).toEqual([0, 0, 0, 0, 1, 1]);
    expect(Array.from(columns.orphaned)).toEqual([0, 0, 0, 0, 0, 1]);
    expect(Array.from(columns.status, (code) => columns.statuses[code])).toEqual(['ok', 'ok', 'timeout', 'ok', 'ok', 'ok']);
    expect(Array.from(columns.kind, (code) => columns.kinds[code])).toEqual(['timer', 'timer', 'timer', 'timer', 'cpu', 'cpu']);
  });

  it('sorts indexes with gaps or repeats, equal ones in the order they came', () => {
    const columns = findingColumnsOf([
      { ...records[0]!, index: 9, startMs: 1 },
      { ...records[1]!, index: 4, startMs: 2 },
      { ...records[2]!, index: 9, startMs: 3 },
      { ...records[3]!, index: 0, startMs: 4 },
    ]);
    expect(Array.from(columns.index)).toEqual([0, 4, 9, 9]);
    expect(Array.from(columns.startMs)).toEqual([4, 2, 1, 3]);
  });
});

describe('inIndexOrder', () => {
  it('hands back columns already in index order as they are, without a copy', () => {
    const columns = findingColumnsOf(records);
    expect(inIndexOrder(columns)).toBe(columns);
  });
});
