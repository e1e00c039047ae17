import { describe, expect, it } from 'vitest';
import { TimelineData } from '../../../renderer/timeline/data/timeline-data';
import { markedTasks, markedWindow } from '../../../renderer/views/run/marked-part';
import type { TaskRecord } from '../../../shared/protocol/task-record';

function record(index: number, startMs: number, endMs: number): TaskRecord {
  return { index, group: 0, kind: 'cpu', lane: 0, queuedMs: 0, startMs, endMs, observedMs: endMs, status: 'ok', orphaned: false, error: null, attempts: 1 };
}

describe("a finding's part of the run on the timeline", () => {
  it('makes the tasks it names stand out by their index in the run, whatever slot they landed in', () => {
    // Arrival order is not index order: slots follow arrival.
    const data = TimelineData.fromTasks([record(2, 200, 300), record(0, 0, 100), record(1, 100, 200)]);
    const mask = markedTasks(data, [0, 2, 99]);
    const marked = [0, 1, 2].filter((slot) => mask[slot] === 1).map((slot) => data.taskIndex[slot]);
    expect(marked.sort()).toEqual([0, 2]);
    expect(mask.length).toBe(data.count);
  });

  it('selects its time range, up to the end of the run when it names only a start, and nothing when it has none', () => {
    expect(markedWindow({ fromMs: 16.5, toMs: 813 }, 830)).toEqual({ startMs: 16.5, endMs: 813 });
    expect(markedWindow({ fromMs: 400 }, 830)).toEqual({ startMs: 400, endMs: 830 });
    expect(markedWindow({ tasks: [1] }, 830)).toBeNull();
    expect(markedWindow({ fromMs: 5, toMs: 5 }, 830)).toBeNull();
  });
});
