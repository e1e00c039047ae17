import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WsEvent } from '../../../shared/api/ws-protocol';
import { EventBatcher } from '../../../electron/host/event-batcher';

const INTERVAL_MS = 16;
const progress = (done: number): WsEvent => ({ event: 'runProgress', payload: { key: 'k', runId: null, done, total: 10, inFlight: 0, elapsedMs: done } });
const doneOf = (events: WsEvent[]) => events.map((e) => (e.payload as { done: number }).done);

describe('EventBatcher', () => {
  let sent: number[][];
  let batcher: EventBatcher;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'] });
    sent = [];
    batcher = new EventBatcher((events) => sent.push(doneOf(events)), INTERVAL_MS);
  });
  afterEach(() => {
    batcher.dispose();
    vi.useRealTimers();
  });

  it('sends what one turn pushed as one message at the end of that turn, in order', () => {
    for (let done = 0; done < 5; done += 1) batcher.push(progress(done));
    expect(sent).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(sent).toEqual([[0, 1, 2, 3, 4]]);
  });

  it("sends a run's start and its first tasks, a moment apart, without waiting an interval", () => {
    batcher.push(progress(0));
    vi.advanceTimersToNextTimer();
    vi.advanceTimersByTime(2);
    batcher.push(progress(1));
    vi.advanceTimersToNextTimer();
    expect(sent).toEqual([[0], [1]]);
    expect(performance.now()).toBeLessThan(INTERVAL_MS);
  });

  it('holds a third message within the interval until one interval after the first, then sends all it gathered', () => {
    for (const done of [0, 1]) {
      batcher.push(progress(done));
      vi.advanceTimersToNextTimer();
    }
    const firstSentAtMs = performance.now();
    batcher.push(progress(2));
    vi.advanceTimersByTime(1);
    batcher.push(progress(3));
    vi.advanceTimersByTime(INTERVAL_MS - 3);
    expect(sent).toEqual([[0], [1]]);
    vi.advanceTimersByTime(2);
    expect(sent).toEqual([[0], [1], [2, 3]]);
    expect(performance.now() - firstSentAtMs).toBeGreaterThanOrEqual(INTERVAL_MS);
  });

  it('drops what is pending when disposed, and sends nothing afterwards', () => {
    batcher.push(progress(0));
    batcher.dispose();
    batcher.push(progress(1));
    vi.runAllTimers();
    expect(sent).toEqual([]);
  });
});
