import { z } from 'zod';

/**
 * The problem with a file's `version` when it is not one this app reads (`oldest` to `newest`), for a person: a
 * value that is not a whole number says so; only a higher whole number means a newer Concurrency Explorer wrote it.
 */
export function versionMessage(value: unknown, newest: number, what: string, oldest = newest): string {
  const readable = oldest === newest ? `${newest}` : `${oldest} to ${newest}`;
  if (typeof value !== 'number' || !Number.isInteger(value)) return `must be a whole number (the ${what} format version, ${readable})`;
  if (value > newest) {
    return `says the ${what} was written by a newer Concurrency Explorer (this one reads ${oldest === newest ? 'version' : 'versions'} ${readable}): update Concurrency Explorer to open it`;
  }
  return `must be ${readable}`;
}

/** A `version` field that must be `current`, with `versionMessage`'s wording when it is not. */
export function formatVersion<V extends number>(current: V, what: string) {
  return z.literal(current, { error: (issue) => versionMessage(issue.input, current, what) });
}

/** Text of a file with a UTF-8 byte-order mark at its start (as some Windows editors save it) read as without. */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
