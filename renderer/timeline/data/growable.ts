type GrowableArray = Float64Array | Uint32Array | Uint16Array | Uint8Array | Int32Array;

/** `array` if it already holds `minLength` items, else a copy at least twice as long (amortised O(1) appends). */
export function ensureLength<T extends GrowableArray>(array: T, minLength: number, fill = 0): T {
  if (array.length >= minLength) return array;
  const Constructor = array.constructor as new (length: number) => T;
  const next = new Constructor(Math.max(minLength, array.length * 2, 16));
  if (fill !== 0) next.fill(fill);
  next.set(array);
  return next;
}

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
