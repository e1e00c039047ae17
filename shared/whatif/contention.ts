import type { Span } from '../metrics/peak-overlap';

/** The integral over `fromMs..toMs` of a function of how many spans are open. */
export type OpenIntegral = (fromMs: number, toMs: number) => number;

/**
 * Integrates `rate(open)` over time, `open` being how many of `spans` are open at each moment: a step
 * function, summed once in time order so that each query is a binary search (a run may hold a million tasks).
 */
export function openIntegral(spans: readonly Span[], rate: (open: number) => number): OpenIntegral {
  const edges: { atMs: number; delta: number }[] = [];
  for (const span of spans) edges.push({ atMs: span.startMs, delta: 1 }, { atMs: span.endMs, delta: -1 });
  edges.sort((a, b) => a.atMs - b.atMs || a.delta - b.delta);
  const times = new Float64Array(edges.length);
  const sums = new Float64Array(edges.length);
  let open = 0;
  let sum = 0;
  let lastMs = edges[0]?.atMs ?? 0;
  edges.forEach((edge, i) => {
    sum += (edge.atMs - lastMs) * rate(open);
    lastMs = edge.atMs;
    open += edge.delta;
    times[i] = edge.atMs;
    sums[i] = sum;
  });
  // The integral up to `ms`: at the last edge at or before it, plus the constant stretch after that edge.
  const upTo = (ms: number): number => {
    let lo = -1;
    let hi = times.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((times[mid] ?? 0) <= ms) lo = mid;
      else hi = mid - 1;
    }
    if (lo < 0) return 0;
    return (sums[lo] ?? 0) + (ms - (times[lo] ?? 0)) * rate(openAfter[lo] ?? 0);
  };
  const openAfter = new Int32Array(edges.length);
  let running = 0;
  edges.forEach((edge, i) => {
    running += edge.delta;
    openAfter[i] = running;
  });
  return (fromMs, toMs) => upTo(toMs) - upTo(fromMs);
}

/** The share of full speed each of `open` jobs gets from `capacity` threads. */
export function sharedRate(capacity: number): (open: number) => number {
  return (open) => (open > 0 ? Math.min(1, capacity / open) : 1);
}

/** 1 while any span is open: how long a place was busy. */
export function busy(open: number): number {
  return open > 0 ? 1 : 0;
}
