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
