/** A figure of `npm run bench` measured as a ratio against a peer run in the same process and moment. */
export interface BenchRow {
  name: string;
  ratio: number;
  target: string;
  detail: string;
}

/** A figure of `npm run bench` as printed: the value with its unit or ratio, its target, and how it was measured. */
export interface FigureRow {
  name: string;
  figure: string;
  target: string;
  detail: string;
}

/** The median: a shared, loaded machine makes single rounds noisy. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
