/**
 * Binary search: the first position in [`from`, `count`) whose value, read through `valueAt` from values
 * sorted ascending, is >= `target`; `count` when there is none.
 */
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
