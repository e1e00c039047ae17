const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const INVALID = 255;
const CODES = new Uint8Array(128).fill(INVALID);
for (let i = 0; i < ALPHABET.length; i++) CODES[ALPHABET.charCodeAt(i)] = i;

function code(text: string, at: number, what: string): number {
  const char = text.charCodeAt(at);
  const value = char < 128 ? CODES[char]! : INVALID;
  if (value === INVALID) throw new RangeError(`${what}: not base64 (character ${at} is ${JSON.stringify(text[at])})`);
  return value;
}

/** `Uint8Array.fromBase64` where the runtime has it (Chromium 140 on, so the renderer); Node 20 has not. */
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }).fromBase64;

/**
 * Standard base64 (with padding) to bytes: natively where the runtime can (a run of a million tasks is about
 * 60 MB of it), else by a table lookup per character, which decodes a megabyte in a few milliseconds. Not
 * `atob` or `Buffer`, which shared code has neither of. Bad input is a RangeError naming where it is.
 */
export function decodeBase64(text: string, what: string): Uint8Array<ArrayBuffer> {
  if (text.length % 4 !== 0) throw new RangeError(`${what}: not base64 (its length ${text.length} is not a multiple of 4)`);
  if (nativeFromBase64 !== undefined) {
    try {
      return nativeFromBase64(text);
    } catch {
      // Decoded again below, for the message that says which character is wrong.
    }
  }
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  const whole = text.length - (padding > 0 ? 4 : 0);
  let out = 0;
  for (let i = 0; i < whole; i += 4) {
    const n = (code(text, i, what) << 18) | (code(text, i + 1, what) << 12) | (code(text, i + 2, what) << 6) | code(text, i + 3, what);
    bytes[out++] = n >> 16;
    bytes[out++] = (n >> 8) & 255;
    bytes[out++] = n & 255;
  }
  if (padding > 0) {
    const n = (code(text, whole, what) << 18) | (code(text, whole + 1, what) << 12) | (padding === 1 ? code(text, whole + 2, what) << 6 : 0);
    bytes[out++] = n >> 16;
    if (padding === 1) bytes[out] = (n >> 8) & 255;
  }
  return bytes;
}
