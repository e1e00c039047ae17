/** A span of time, in ms. */
export interface Span {
  startMs: number;
  endMs: number;
}

/**
 * The most spans open at any one moment. A span that ends exactly when another starts does not overlap it.
 */
export function peakOverlap(spans: readonly Span[]): number {
  const starts = Float64Array.from(spans, (s) => s.startMs).sort();
  const ends = Float64Array.from(spans, (s) => s.endMs).sort();
  let open = 0;
  let peak = 0;
  let e = 0;
  for (const start of starts) {
    while (e < ends.length && (ends[e] ?? Infinity) <= start) {
      e += 1;
      open -= 1;
    }
    open += 1;
    if (open > peak) peak = open;
  }
  return peak;
}
