import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../../shared/protocol/task-record';
import { TimelineData } from '../../../renderer/timeline/data/timeline-data';
import { HIT_SLOP_PX, taskAt } from '../../../renderer/timeline/hit/task-at';
import { taskPoint } from '../../../renderer/timeline/hit/task-point';
import { laneTopPx } from '../../../renderer/timeline/layout/timeline-layout';
import { syntheticRun } from './fixtures/synthetic-run';
import { testView } from './helpers/test-view';

function record(index: number, lane: number, startMs: number, endMs: number): TaskRecord {
  return { index, group: 0, kind: 'timer', lane, queuedMs: 0, startMs, endMs, observedMs: endMs, status: 'ok', orphaned: false, error: null, attempts: 1 };
}

describe('taskAt', () => {
  const data = TimelineData.fromTasks([record(0, 0, 10, 20), record(1, 0, 30, 40), record(2, 1, 0, 100), record(3, 1, 50, 60)]);
  const view = testView(data, { window: { startMs: 0, endMs: 100 } });
  const rowMiddle = (lane: number) => laneTopPx(view.layout, lane, 0) + view.layout.rowHeightPx / 2;
  const x = (ms: number) => view.scale.msToPx(ms);

  it('finds the task under the pointer and nothing in a gap or outside the lanes', () => {
    expect(taskAt(data, view, x(15), rowMiddle(0))).toBe(data.slotOfTask(0));
    expect(taskAt(data, view, x(35), rowMiddle(0))).toBe(data.slotOfTask(1));
    expect(taskAt(data, view, x(25), rowMiddle(0))).toBe(-1);
    expect(taskAt(data, view, x(15), view.layout.lanesTopPx - 2)).toBe(-1);
    expect(taskAt(data, view, view.layout.plotLeftPx - 5, rowMiddle(0))).toBe(-1);
    expect(taskAt(data, view, x(15), rowMiddle(1) + view.layout.rowHeightPx * 3)).toBe(-1);
  });

  it('forgives a few pixels next to a span', () => {
    expect(taskAt(data, view, x(20) + HIT_SLOP_PX - 1, rowMiddle(0))).toBe(data.slotOfTask(0));
    expect(taskAt(data, view, x(20) + HIT_SLOP_PX + 2, rowMiddle(0))).toBe(-1);
  });

  it('picks the span drawn on top where spans of a lane overlap', () => {
    expect(taskAt(data, view, x(55), rowMiddle(1))).toBe(data.slotOfTask(3));
    expect(taskAt(data, view, x(45), rowMiddle(1))).toBe(data.slotOfTask(2));
  });

  it('hits a running task anywhere up to the latest time', () => {
    const live = new TimelineData();
    live.appendStarted([{ index: 0, group: 0, kind: 'cpu', lane: 0, queuedMs: 0, startMs: 10 }]);
    live.setElapsed(80);
    const liveView = testView(live, { window: { startMs: 0, endMs: 100 } });
    const y = laneTopPx(liveView.layout, 0, 0) + 5;
    expect(taskAt(live, liveView, liveView.scale.msToPx(70), y)).toBe(0);
    expect(taskAt(live, liveView, liveView.scale.msToPx(95), y)).toBe(-1);
  });

  it('finds the one task under a point among 100,000, zoomed in or out', () => {
    const { tasks } = syntheticRun({ tasks: 100_000, lanes: 16 });
    const big = TimelineData.fromTasks(tasks);
    const target = tasks[54_321]!;
    const middle = (target.startMs + target.endMs) / 2;
    const zoomedIn = testView(big, { window: { startMs: middle - 5, endMs: middle + 5 } });
    const y = laneTopPx(zoomedIn.layout, target.lane, 0) + zoomedIn.layout.rowHeightPx / 2;
    expect(big.taskIndex[taskAt(big, zoomedIn, zoomedIn.scale.msToPx(middle), y)]).toBe(54_321);
    const zoomedOut = testView(big);
    const hit = taskAt(big, zoomedOut, zoomedOut.scale.msToPx(middle), y);
    expect(big.lane[hit]).toBe(target.lane);
    expect(Math.abs(big.startMs[hit]! - middle)).toBeLessThan((HIT_SLOP_PX + 1) / zoomedOut.scale.pxPerMs + 5);
  });

  it('follows the lane scroll', () => {
    const many = TimelineData.fromTasks(Array.from({ length: 200 }, (_, i) => record(i, i, 0, 10)));
    const scrolled = testView(many, { heightPx: 300, window: { startMs: 0, endMs: 20 }, scrollTopPx: 400 });
    const lane = 120;
    const y = laneTopPx(scrolled.layout, lane, 400) + scrolled.layout.rowHeightPx / 2;
    expect(scrolled.layout.maxScrollTopPx).toBeGreaterThan(400);
    expect(taskAt(many, scrolled, scrolled.scale.msToPx(5), y)).toBe(many.slotOfTask(lane));
  });
});

describe('taskPoint', () => {
  it('finds the middle of a bar, and nothing for a task off-screen or unknown', () => {
    const data = TimelineData.fromTasks([record(0, 0, 10, 20), record(1, 1, 150, 160)]);
    const view = testView(data, { window: { startMs: 0, endMs: 100 } });
    const point = taskPoint(data, view, 0)!;
    expect(point.xPx).toBeCloseTo(view.scale.msToPx(15), 9);
    expect(taskAt(data, view, point.xPx, point.yPx)).toBe(0);
    expect(taskPoint(data, view, 1)).toBeNull();
    expect(taskPoint(data, view, 7)).toBeNull();
  });
});
