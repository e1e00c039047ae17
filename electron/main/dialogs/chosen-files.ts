import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../shared/api/api-error';
import { errorMessage } from '../../../shared/errors/error-message';

/** UTF-8 needs at most four bytes a character: a file above `maxChars * 4` bytes is too long unread. */
const MAX_UTF8_BYTES_PER_CHAR = 4;

/**
 * Reads a text file the user chose, refusing (as a `bad_request` naming the file) one that is not a file,
 * is longer than `maxChars`, or is not UTF-8 text. A byte-order mark is dropped.
 */
export async function readChosenTextFile(file: string, maxChars: number, what: string): Promise<string> {
  const name = path.basename(file);
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new ApiError('bad_request', `${name} is not a file.`);
    if (info.size > maxChars * MAX_UTF8_BYTES_PER_CHAR) throw tooLong(name, what, maxChars);
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('bad_request', `Could not read ${name}: ${errorMessage(error)}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiError('bad_request', `${name} is not a text file (it is not UTF-8), so it cannot be a ${what}.`);
  }
  if (text.length > maxChars) throw tooLong(name, what, maxChars);
  return text;
}

/** Writes a file the user chose in a Save dialog; a failure is an error naming the file and the reason. */
export async function writeChosenFile(file: string, content: string): Promise<void> {
  try {
    await writeFile(file, content);
  } catch (error) {
    throw new ApiError('internal', `Could not write ${file}: ${errorMessage(error)}`);
  }
}

function tooLong(name: string, what: string, maxChars: number): ApiError {
  return new ApiError('bad_request', `${name} is too large for a ${what} (at most ${maxChars.toLocaleString('en')} characters).`);
}
