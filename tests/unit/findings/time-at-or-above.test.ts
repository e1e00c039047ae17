import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../../shared/metrics/peak-overlap';
import { timeAtOrAbove as timeAtOrAboveOfColumns } from '../../../shared/findings/run-facts';

/** The plain form: every edge as a pair, sorted by time with an end before a start. */
function byEdges(spans: readonly Span[], level: number): number {
  const edges = spans.flatMap((span) => [[span.startMs, 1] as const, [span.endMs, -1] as const]);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let since = 0;
  let total = 0;
  for (const [atMs, step] of edges) {
    if (open >= level) total += atMs - since;
    open += step;
    since = atMs;
  }
  return total;
}

/** The spans handed to the rule as the columns it reads. */
function timeAtOrAbove(spans: readonly Span[], level: number): number {
  return timeAtOrAboveOfColumns(Float64Array.from(spans, (s) => s.startMs), Float64Array.from(spans, (s) => s.endMs), level);
}

const span = fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 20 })).map(([startMs, lengthMs]) => ({ startMs: startMs / 2, endMs: (startMs + lengthMs) / 2 }));

describe('timeAtOrAbove', () => {
  it('counts only the time at least `level` spans are open; an end meeting a start does not overlap', () => {
    const spans = [
      { startMs: 0, endMs: 10 },
      { startMs: 5, endMs: 15 },
      { startMs: 10, endMs: 20 },
    ];
    expect(timeAtOrAbove(spans, 2)).toBe(10);
    expect(timeAtOrAbove(spans, 3)).toBe(0);
  });

  it('gives exactly what the plain edge-by-edge form gives', () => {
    fc.assert(fc.property(fc.array(span, { maxLength: 40 }), fc.integer({ min: 1, max: 5 }), (spans, level) => timeAtOrAbove(spans, level) === byEdges(spans, level)));
  });
});
