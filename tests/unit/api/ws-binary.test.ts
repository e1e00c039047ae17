import { describe, expect, it } from 'vitest';
import { BinaryMessageError, binaryMessageParts, readBinaryMessage, splitTypedArrays } from '../../../shared/api/ws-binary';
import type { WsServerMessage } from '../../../shared/api/ws-protocol';

const utf8 = new TextEncoder();
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

/** The message as the host sends it: the parts joined, as the WebSocket joins a message's fragments. */
function encode(message: WsServerMessage): ArrayBuffer {
  const split = splitTypedArrays(message)!;
  const parts = binaryMessageParts(utf8.encode(split.header), split.arrays);
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.byteLength;
  }
  return joined.buffer;
}

/** A frame written by hand: `header` as its JSON, then `body` bytes after the padding. */
function frame(header: unknown, body: Uint8Array = new Uint8Array(0)): ArrayBuffer {
  const json = utf8.encode(typeof header === 'string' ? header : JSON.stringify(header));
  const start = Math.ceil((4 + json.byteLength) / 8) * 8;
  const bytes = new Uint8Array(start + body.byteLength);
  new DataView(bytes.buffer).setUint32(0, json.byteLength, true);
  bytes.set(json, 4);
  bytes.set(body, start);
  return bytes.buffer;
}

const response = (result: unknown): WsServerMessage => ({ type: 'response', id: 7, response: { ok: true, result } });

describe('binary WebSocket messages', () => {
  it('carry typed arrays of every width as the same typed arrays, in place, beside the JSON around them', () => {
    const result = {
      name: 'run',
      tasks: { count: 3, index: new Uint32Array([0, 1, 2]), kind: new Uint8Array([0, 0, 1]), startMs: new Float64Array([0.5, 1.25, Math.PI]) },
      lists: [new Int16Array([-1, 2]), { deeper: new Float32Array([1.5]) }],
      samples: [{ tMs: 1 }],
    };
    const read = readBinaryMessage(encode(response(result)), decode);
    expect(read).toEqual(response(result));
    const tasks = (read as { response: { result: typeof result } }).response.result.tasks;
    expect(tasks.startMs).toBeInstanceOf(Float64Array);
    expect(tasks.index).toBeInstanceOf(Uint32Array);
    // Views of the one buffer that came, each aligned for its type: nothing copied.
    expect(tasks.startMs.byteOffset % 8).toBe(0);
    expect(tasks.startMs.buffer).toBe(tasks.index.buffer);
  });

  it('send only the bytes a view covers, not the rest of its buffer', () => {
    const big = new Float64Array(1000).fill(9);
    const read = readBinaryMessage(encode(response({ part: big.subarray(10, 13), empty: new Uint8Array(0) })), decode);
    expect((read as { response: { result: { part: Float64Array } } }).response.result.part).toEqual(new Float64Array([9, 9, 9]));
    // The whole buffer is 8,000 bytes; the message is its header and 24.
    expect(encode(response({ part: big.subarray(10, 13) })).byteLength).toBeLessThan(1000);
  });

  it('are not used for a message without typed arrays: that stays JSON text', () => {
    expect(splitTypedArrays(response({ runs: [{ id: 1 }], total: 1 }))).toBeNull();
    expect(splitTypedArrays({ type: 'events', events: [{ event: 'runProgress', payload: { done: 1 } }] })).toBeNull();
  });

  it('refuse a frame that is not one with an error saying what is wrong, and which call it answered when it can tell', () => {
    const caught = (buffer: ArrayBuffer) => {
      try {
        readBinaryMessage(buffer, decode);
      } catch (error) {
        expect(error).toBeInstanceOf(BinaryMessageError);
        return { message: (error as BinaryMessageError).message, id: (error as BinaryMessageError).id };
      }
      throw new Error('read a bad frame');
    };
    const good = encode(response({ times: new Float64Array([1, 2]) }));
    const header = { message: { type: 'response', id: 4, response: { ok: true, result: { times: null } } }, arrays: [{ path: ['response', 'result', 'times'], type: 'Float64Array', length: 2 }] };
    expect(caught(new ArrayBuffer(2)).message).toBe('A binary message of 2 bytes is too short to hold its header\'s length');
    expect(caught(good.slice(0, 20)).message).toMatch(/^A binary message's header says it has \d+ bytes, but the message has only 16 after its length$/);
    expect(caught(frame('{"message":')).message).toMatch(/^A binary message's header is not JSON: /);
    expect(caught(frame({ message: { type: 'hello' }, arrays: [] })).message).toMatch(/^A binary message's header is not one: message\.type: /);
    expect(caught(frame({ ...header, arrays: [{ ...header.arrays[0], type: 'BigInt64Array' }] })).message).toMatch(/^A binary message's header is not one: arrays\.0\.type: /);
    expect(caught(frame(header, new Uint8Array(8)))).toEqual({ id: 4, message: expect.stringMatching(/^A binary message ends at byte \d+, before the 2 values of its Float64Array at response\.result\.times/) });
    expect(caught(frame(header, new Uint8Array(24)))).toEqual({ id: 4, message: 'A binary message has 8 bytes after its last array' });
    const nowhere = { ...header, arrays: [{ ...header.arrays[0], path: ['response', 'result', 'elsewhere'] }] };
    expect(caught(frame(nowhere, new Uint8Array(16))).message).toBe("A binary message's array at response.result.elsewhere has no null in the message to take its place");
    const polluting = { ...header, arrays: [{ ...header.arrays[0], path: ['__proto__'] }] };
    expect(caught(frame(polluting, new Uint8Array(16))).message).toBe("A binary message's array at __proto__ has no null in the message to take its place");
    const notUtf8 = new Uint8Array(frame('{}'));
    notUtf8[4] = 0xff;
    expect(caught(notUtf8.buffer).message).toMatch(/^A binary message's header is not JSON: /);
  });
});
