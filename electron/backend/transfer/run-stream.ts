import type { ExportableRun } from '../../../shared/run/run-schema';
import type { StreamedRun } from '../../../shared/run/streamed-run';

export type { StreamedRun };

/** An export is written in pieces of about this many characters: big enough for few writes, small enough to bound memory. */
const CHUNK_CHARS = 256 * 1024;

/** A run already in memory, as a `StreamedRun`. */
export function streamedRun(run: ExportableRun): StreamedRun {
  const lanes = [...new Set(run.tasks.map((t) => t.lane))].sort((a, b) => a - b);
  return { ...run, lanes };
}

/** `items` as text, `separator` between them, in pieces of about `CHUNK_CHARS`. */
export function* joinedChunks<T>(items: Iterable<T>, text: (item: T) => string, separator: string): Generator<string> {
  let chunk = '';
  let first = true;
  for (const item of items) {
    chunk += first ? text(item) : separator + text(item);
    first = false;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** Stands, in a value given to `jsonWithStreamedArray`, where the streamed array goes. */
export const STREAMED_ARRAY = '\u0000streamed array\u0000';

/**
 * `JSON.stringify(value)` with the array of `items` where `value` holds `STREAMED_ARRAY` (once, at any depth),
 * written as it is read: the same text as stringifying the whole, in pieces.
 */
export function* jsonWithStreamedArray<T>(value: unknown, items: Iterable<T>, itemJson: (item: T) => string = (item) => JSON.stringify(item)): Generator<string> {
  const [before, after, ...more] = JSON.stringify(value).split(JSON.stringify(STREAMED_ARRAY));
  if (before === undefined || after === undefined || more.length > 0) throw new Error('the streamed array must have exactly one place in the value');
  yield `${before}[`;
  yield* joinedChunks(items, itemJson, ',');
  yield `]${after}`;
}
