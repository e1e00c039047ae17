import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../../shared/protocol/task-record';
import { TimelineData } from '../../../renderer/timeline/data/timeline-data';
import { laneTopPx } from '../../../renderer/timeline/layout/timeline-layout';
import { renderTimeline } from '../../../renderer/timeline/render/render-timeline';
import { syntheticRun } from './fixtures/synthetic-run';
import { recordingContext, type RecordedCall } from './helpers/recording-context';
import { testView } from './helpers/test-view';

/** Bars are the fillRects in a kind or status colour. */
function bars(calls: readonly RecordedCall[]): RecordedCall[] {
  return calls.filter((c) => c.method === 'fillRect' && /^(kind|status):/.test(String(c.fillStyle)));
}

function draw(data: TimelineData, options: Parameters<typeof testView>[1] = {}) {
  const recording = recordingContext();
  const view = testView(data, options);
  renderTimeline(recording.ctx, data, view);
  return { ...recording, view };
}

describe('renderTimeline when zoomed out', () => {
  const { tasks, samples } = syntheticRun({ tasks: 100_000, lanes: 16, failureRate: 0.01 });
  const data = TimelineData.fromTasks(tasks, samples);

  it('draws 100,000 tasks at 1,000 px with a few thousand fillRects at most, every lane with a task getting a bar', () => {
    const { calls, count, view } = draw(data);
    expect(view.layout.plotWidthPx).toBe(1000);
    expect(count('fillRect')).toBeLessThanOrEqual(5000);
    const barCalls = bars(calls);
    for (let lane = 0; lane < data.laneCount; lane++) {
      const top = laneTopPx(view.layout, lane, 0);
      const inLane = barCalls.filter((c) => (c.args[1] as number) >= top && (c.args[1] as number) < top + view.layout.rowHeightPx);
      expect(inLane.length, `lane ${lane}`).toBeGreaterThan(0);
    }
  });

  it('keeps the worst status of a pixel column: failures still show among thousands of successes', () => {
    const { calls } = draw(data);
    const errorBars = bars(calls).filter((c) => c.fillStyle === 'status:error');
    const timeoutBars = bars(calls).filter((c) => c.fillStyle === 'status:timeout');
    expect(errorBars.length).toBeGreaterThan(100);
    expect(timeoutBars.length).toBeGreaterThan(100);
  });

  it('costs what the canvas costs: ten times the tasks at the same width draw about as many rectangles', () => {
    const small = TimelineData.fromTasks(syntheticRun({ tasks: 10_000, lanes: 16, failureRate: 0 }).tasks);
    const large = TimelineData.fromTasks(syntheticRun({ tasks: 100_000, lanes: 16, failureRate: 0 }).tasks);
    const smallCount = draw(small).count('fillRect');
    const largeCount = draw(large).count('fillRect');
    expect(largeCount).toBeLessThan(smallCount * 2);
  });

  it('draws the time axis labels, lane labels and the loop-delay track', () => {
    const { calls } = draw(data);
    const texts = calls.filter((c) => c.method === 'fillText').map((c) => String(c.args[0]));
    expect(texts).toContain('Lane 0');
    expect(texts).toContain('Lane 15');
    expect(texts).toContain('Loop delay');
    expect(texts).toContain('0 s');
    expect(texts).toContain('10 s');
    expect(texts.some((t) => /^scale .* · peak /.test(t))).toBe(true);
    expect(calls.some((c) => c.method === 'fill')).toBe(true);
  });
});

describe('renderTimeline when zoomed in', () => {
  const task = (index: number, startMs: number, endMs: number, status: TaskRecord['status'] = 'ok', more: Partial<TaskRecord> = {}): TaskRecord => ({
    index,
    group: 0,
    kind: 'http',
    lane: index % 2,
    queuedMs: 0,
    startMs,
    endMs,
    observedMs: endMs,
    status,
    orphaned: false,
    error: null,
    attempts: 1,
    ...more,
  });

  it('hatches an orphan over its own outcome\'s colour', () => {
    const data = TimelineData.fromTasks([task(0, 10, 40, 'error', { orphaned: true }), task(1, 12, 30, 'ok', { orphaned: true }), task(2, 45, 90)]);
    const { calls } = draw(data, { window: { startMs: 0, endMs: 100 } });
    const fills = calls.filter((c) => c.method === 'fillRect').map((c) => c.fillStyle);
    expect(fills.filter((f) => f === 'orphan-hatch')).toHaveLength(2);
    expect(fills).toContain('status:error');
    expect(fills.filter((f) => f === 'kind:http').length).toBeGreaterThanOrEqual(2);
    // The hatch comes right after the bar it lies on.
    expect(fills[fills.indexOf('status:error') + 1]).toBe('orphan-hatch');
  });

  it('draws a thin tail from a task\'s end to when its result was observed, and none when it was at once', () => {
    const data = TimelineData.fromTasks([task(0, 10, 20, 'ok', { observedMs: 80 }), task(1, 10, 30)]);
    const { calls, view } = draw(data, { window: { startMs: 0, endMs: 100 } });
    const tails = calls.filter((c) => c.method === 'fillRect' && c.fillStyle === 'delivery-tail');
    expect(tails).toHaveLength(1);
    const [x, , width, height] = tails[0]!.args as number[];
    expect(x).toBeCloseTo(Math.ceil(view.scale.msToPx(20)), 0);
    expect(x! + width!).toBeCloseTo(view.scale.msToPx(80), -1);
    expect(height).toBeLessThan(view.layout.barHeightPx);
  });

  it('draws wide tasks one by one with a label, a lead-in from the queued time, and outlines the selection', () => {
    const data = TimelineData.fromTasks([task(0, 10, 40), task(1, 12, 30, 'error'), task(2, 45, 90)]);
    const { calls, count } = draw(data, { window: { startMs: 0, endMs: 100 }, selectedSlot: 1 });
    const texts = calls.filter((c) => c.method === 'fillText').map((c) => String(c.args[0]));
    expect(texts).toContain('#0 http');
    expect(texts).toContain('#2 http');
    expect(bars(calls).filter((c) => c.fillStyle === 'status:error')).toHaveLength(1);
    expect(bars(calls).filter((c) => c.fillStyle === 'kind:http')).toHaveLength(2);
    const leadIns = calls.filter((c) => c.method === 'fillRect' && c.fillStyle === 'lead-in');
    expect(leadIns.length).toBeGreaterThanOrEqual(2);
    expect(count('strokeRect')).toBe(1);
  });

  it('draws a running task up to the latest time and marks that time', () => {
    const data = new TimelineData();
    data.appendStarted([{ index: 0, group: 0, kind: 'cpu', lane: 0, queuedMs: 0, startMs: 10 }]);
    data.setElapsed(50);
    const { calls, view } = draw(data, { window: { startMs: 0, endMs: 100 } });
    const bar = bars(calls).find((c) => c.fillStyle === 'kind:cpu')!;
    const [x, , width] = bar.args as number[];
    expect(x).toBeCloseTo(view.scale.msToPx(10), 5);
    expect(x! + width! + 1).toBeCloseTo(view.scale.msToPx(50), 5);
    expect(calls.some((c) => c.method === 'setLineDash' && (c.args[0] as number[]).length > 0)).toBe(true);
  });

  it('labels thin lanes every few rows, never letting two labels overlap', () => {
    const tasks = Array.from({ length: 3000 }, (_, i) => task(i, 0, 10 + (i % 50)));
    const data = TimelineData.fromTasks(tasks.map((t, i) => ({ ...t, lane: i })));
    for (const scrollTopPx of [0, 1234]) {
      const { calls, view } = draw(data, { heightPx: 500, scrollTopPx });
      expect(view.layout.rowHeightPx).toBeLessThan(8);
      const ys = calls.filter((c) => c.method === 'fillText' && String(c.args[0]).startsWith('Lane ')).map((c) => c.args[2] as number);
      expect(ys.length).toBeGreaterThan(10);
      for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(14);
      expect(Math.min(...ys)).toBeGreaterThanOrEqual(view.layout.lanesTopPx + 6);
    }
  });

  it('bounds the work of a lane whose spans pile up: the overflow merges into columns, keeping failures', () => {
    const piled = Array.from({ length: 20_000 }, (_, i) =>
      task(i, i * 0.001, 50 + (i % 40), i === 15_000 ? 'error' : 'ok'),
    ).map((t) => ({ ...t, lane: 0 }));
    const data = TimelineData.fromTasks(piled);
    const { count, calls, view } = draw(data, { window: { startMs: 0, endMs: 100 } });
    expect(count('fillRect')).toBeLessThan(view.layout.plotWidthPx * 3);
    expect(bars(calls).some((c) => c.fillStyle === 'status:error')).toBe(true);
  });

  it('says so when there is nothing to draw', () => {
    const { calls } = draw(new TimelineData());
    expect(calls.some((c) => c.method === 'fillText' && c.args[0] === 'No tasks yet')).toBe(true);
  });
});
