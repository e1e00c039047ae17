/** Index of the first item of the sorted `values` (read through `valueAt`) that is >= `target`. */
export function lowerBound(count: number, valueAt: (position: number) => number, target: number, from = 0): number {
  let low = from;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (valueAt(middle) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
