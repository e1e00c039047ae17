import { sortedStartsAndEnds, type Span } from '../metrics/peak-overlap';

/** The integral over `fromMs..toMs` of a function of how many spans are open. */
export type OpenIntegral = (fromMs: number, toMs: number) => number;

/**
 * Integrates `rate(open)` over time, `open` being how many of `spans` are open at each moment: a step
 * function, summed once in time order so that each query is a binary search (a run may hold a million tasks).
 */
export function openIntegral(spans: readonly Span[], rate: (open: number) => number): OpenIntegral {
  // Starts and ends merged with an end before a start at the same time: no object per edge, which for a million
  // tasks would be two million objects to sort with a comparator.
  const { starts, ends } = sortedStartsAndEnds(spans);
  const edgeCount = 2 * spans.length;
  const times = new Float64Array(edgeCount);
  const sums = new Float64Array(edgeCount);
  const openAfter = new Int32Array(edgeCount);
  let open = 0;
  let sum = 0;
  let lastMs = Math.min(starts[0] ?? 0, ends[0] ?? 0);
  for (let i = 0, s = 0, e = 0; i < edgeCount; i += 1) {
    const isEnd = s === starts.length || (e < ends.length && ends[e]! <= starts[s]!);
    const atMs = isEnd ? ends[e++]! : starts[s++]!;
    sum += (atMs - lastMs) * rate(open);
    lastMs = atMs;
    open += isEnd ? -1 : 1;
    times[i] = atMs;
    sums[i] = sum;
    openAfter[i] = open;
  }
  // The integral up to `ms`: at the last edge at or before it, plus the constant stretch after that edge.
  const upTo = (ms: number): number => {
    let lo = -1;
    let hi = edgeCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (times[mid]! <= ms) lo = mid;
      else hi = mid - 1;
    }
    if (lo < 0) return 0;
    return sums[lo]! + (ms - times[lo]!) * rate(openAfter[lo]!);
  };
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
