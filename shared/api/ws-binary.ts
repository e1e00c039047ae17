import { z } from 'zod';
import type { WsServerMessage } from './ws-protocol';

/**
 * A host -> browser message that holds typed arrays (a run's task columns: tens of megabytes) travels as one
 * binary WebSocket message instead of JSON text: no number or byte turned into text and back, no string of
 * that size to build, scan or parse, and the page reads each array in place. Layout (little-endian):
 *
 *   uint32 header length | header: UTF-8 JSON | padding | array 0 | padding | array 1 | ... | array n-1
 *
 * The header is the message with every typed array replaced by null, and where each one goes (`path`), its type
 * and its length; every array starts at a multiple of 8 bytes, so that a Float64Array can be a view of the
 * received buffer rather than a copy. The contract's result types stay the one source: whatever a method
 * returns as a typed array arrives as one, here as over Electron's IPC (structured clone).
 */

const ARRAY_TYPES = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
} as const;
type ArrayTypeName = keyof typeof ARRAY_TYPES;
type TypedArray = InstanceType<(typeof ARRAY_TYPES)[ArrayTypeName]>;

const ALIGN = 8;
const LENGTH_BYTES = 4;

const HeaderSchema = z.strictObject({
  message: z.looseObject({ type: z.enum(['response', 'events', 'protocolError']) }),
  arrays: z.array(
    z.strictObject({
      path: z.array(z.union([z.string(), z.number().int().min(0)])).min(1).max(64),
      type: z.enum(Object.keys(ARRAY_TYPES) as [ArrayTypeName, ...ArrayTypeName[]]),
      length: z.number().int().min(0),
    }),
  ),
});
type Header = z.infer<typeof HeaderSchema>;

/** A binary message that cannot be read; `id` is the call it answers when its header said so. */
export class BinaryMessageError extends Error {
  override readonly name = 'BinaryMessageError';
  constructor(
    message: string,
    readonly id: number | null = null,
  ) {
    super(message);
  }
}

/** The message as a header (JSON text) and the typed arrays it held, in header order; null when it holds none. */
export function splitTypedArrays(message: WsServerMessage): { header: string; arrays: TypedArray[] } | null {
  const found: { path: (string | number)[]; array: TypedArray }[] = [];
  collect(message, [], found);
  if (found.length === 0) return null;
  const header: Header = {
    message: JSON.parse(JSON.stringify(message, (_key, value: unknown) => (ArrayBuffer.isView(value) ? null : value))) as Header['message'],
    arrays: found.map(({ path, array }) => ({ path, type: array.constructor.name as ArrayTypeName, length: array.length })),
  };
  return { header: JSON.stringify(header), arrays: found.map(({ array }) => array) };
}

/** Adds the typed arrays in `value` to `found`; `path` (one array, grown and shrunk on the way) is where `value` is. */
function collect(value: unknown, path: (string | number)[], found: { path: (string | number)[]; array: TypedArray }[]): void {
  if (typeof value !== 'object' || value === null) return;
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name;
    if (!(name in ARRAY_TYPES)) throw new TypeError(`${path.join('.')}: a ${name} cannot travel in a binary message`);
    found.push({ path: [...path], array: value as TypedArray });
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item !== 'object' || item === null) continue;
      path.push(i);
      collect(item, path, found);
      path.pop();
    }
    return;
  }
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (typeof item !== 'object' || item === null) continue;
    path.push(key);
    collect(item, path, found);
    path.pop();
  }
}

const aligned = (offset: number) => Math.ceil(offset / ALIGN) * ALIGN;

/**
 * The binary message's bytes as parts to send in order (as fragments of one message): the length and header
 * with its padding, then each array's own bytes (not copied) and the padding before the next.
 */
export function binaryMessageParts(headerUtf8: Uint8Array, arrays: readonly TypedArray[]): Uint8Array[] {
  let offset = aligned(LENGTH_BYTES + headerUtf8.byteLength);
  const prefix = new Uint8Array(offset);
  new DataView(prefix.buffer).setUint32(0, headerUtf8.byteLength, true);
  prefix.set(headerUtf8, LENGTH_BYTES);
  const parts: Uint8Array[] = [prefix];
  arrays.forEach((array, i) => {
    if (array.byteLength > 0) parts.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    offset += array.byteLength;
    const next = aligned(offset);
    if (i < arrays.length - 1 && next > offset) parts.push(new Uint8Array(next - offset));
    offset = next;
  });
  return parts;
}

/**
 * Reads a binary message back, each typed array a view of `buffer`. Throws a `BinaryMessageError` naming what is
 * wrong (too short, a header that is not JSON or not a header, an array past the end, a path that does not lead
 * to a null in the message, bytes left over), with the call's id when the header could be read.
 */
export function readBinaryMessage(buffer: ArrayBuffer, decodeUtf8: (bytes: Uint8Array) => string): WsServerMessage {
  if (buffer.byteLength < LENGTH_BYTES) throw new BinaryMessageError(`A binary message of ${buffer.byteLength} bytes is too short to hold its header's length`);
  const headerBytes = new DataView(buffer).getUint32(0, true);
  if (LENGTH_BYTES + headerBytes > buffer.byteLength) {
    throw new BinaryMessageError(`A binary message's header says it has ${headerBytes} bytes, but the message has only ${buffer.byteLength - LENGTH_BYTES} after its length`);
  }
  let value: unknown;
  try {
    value = JSON.parse(decodeUtf8(new Uint8Array(buffer, LENGTH_BYTES, headerBytes)));
  } catch (error) {
    throw new BinaryMessageError(`A binary message's header is not JSON: ${(error as Error).message}`);
  }
  const parsed = HeaderSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BinaryMessageError(`A binary message's header is not one: ${issue.path.join('.') || 'the header'}: ${issue.message}`);
  }
  const { message, arrays } = parsed.data;
  const id = message.type === 'response' && typeof message.id === 'number' ? message.id : null;
  let offset = aligned(LENGTH_BYTES + headerBytes);
  let end = offset;
  for (const { path, type, length } of arrays) {
    const Type = ARRAY_TYPES[type];
    end = offset + length * Type.BYTES_PER_ELEMENT;
    if (end > buffer.byteLength) {
      throw new BinaryMessageError(`A binary message ends at byte ${buffer.byteLength}, before the ${length} values of its ${type} at ${path.join('.')} (bytes ${offset} to ${end})`, id);
    }
    place(message, path, new Type(buffer, offset, length), id);
    offset = aligned(end);
  }
  // No padding follows the last array.
  if (end !== buffer.byteLength) throw new BinaryMessageError(`A binary message has ${buffer.byteLength - end} bytes after its last array`, id);
  return message as unknown as WsServerMessage;
}

/** Puts `array` where the header's path says, which must be a null the header left for it. */
function place(message: Record<string, unknown>, path: readonly (string | number)[], array: TypedArray, id: number | null): void {
  let holder: unknown = message;
  for (let i = 0; i < path.length - 1; i++) {
    holder = typeof holder === 'object' && holder !== null && Object.hasOwn(holder, path[i]!) ? (holder as Record<string | number, unknown>)[path[i]!] : undefined;
  }
  const key = path.at(-1)!;
  const ok = typeof holder === 'object' && holder !== null && key !== '__proto__' && Object.hasOwn(holder, key) && (holder as Record<string | number, unknown>)[key] === null;
  if (!ok) throw new BinaryMessageError(`A binary message's array at ${path.join('.')} has no null in the message to take its place`, id);
  (holder as Record<string | number, unknown>)[key] = array;
}
