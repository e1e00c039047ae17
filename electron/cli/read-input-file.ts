import { readFile } from 'node:fs/promises';
import { UsageError } from './cli-error';
import { errorMessage } from '../../shared/errors/error-message';

/** Reads a text file named on the command line; a missing or unreadable file is bad input, named with its path. */
export async function readInputFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw UsageError.of(`${file}: no such file`);
    if (code === 'EISDIR') throw UsageError.of(`${file}: is a folder, not a file`);
    throw UsageError.of(`${file}: cannot be read (${errorMessage(error)})`);
  }
}
