/** A span of time, in ms. */
export interface Span {
  startMs: number;
  endMs: number;
}

/** The spans' starts and their ends, each sorted: the edges of how many are open, with no object per edge. */
export function sortedStartsAndEnds(spans: readonly Span[]): { starts: Float64Array; ends: Float64Array } {
  // Filled in a plain loop: `Float64Array.from` with a mapping function is several times slower.
  const starts = new Float64Array(spans.length);
  const ends = new Float64Array(spans.length);
  spans.forEach((span, i) => {
    starts[i] = span.startMs;
    ends[i] = span.endMs;
  });
  return { starts: starts.sort(), ends: ends.sort() };
}

/**
 * The most spans open at any one moment. A span that ends exactly when another starts does not overlap it.
 */
export function peakOverlap(spans: readonly Span[]): number {
  const { starts, ends } = sortedStartsAndEnds(spans);
  return peakOverlapOfSorted(starts, ends);
}

/** `peakOverlap` of spans given as columns (entry `i` of each is one span); the arrays are sorted in place. */
export function peakOverlapOfColumns(starts: Float64Array, ends: Float64Array): number {
  return peakOverlapOfSorted(sortedInPlace(starts), sortedInPlace(ends));
}

/** Sorts `values` unless they already are (a pool's tasks start in index order): a check is a pass, a sort many. */
function sortedInPlace(values: Float64Array): Float64Array {
  for (let i = 1; i < values.length; i += 1) {
    if ((values[i - 1] ?? 0) > (values[i] ?? 0)) return values.sort();
  }
  return values;
}

function peakOverlapOfSorted(starts: Float64Array, ends: Float64Array): number {
  let open = 0;
  let peak = 0;
  let e = 0;
  for (let s = 0; s < starts.length; s += 1) {
    const start = starts[s] ?? 0;
    while (e < ends.length && (ends[e] ?? Infinity) <= start) {
      e += 1;
      open -= 1;
    }
    open += 1;
    if (open > peak) peak = open;
  }
  return peak;
}
