import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { errorMessage } from '../../shared/errors/error-message';
import { escapeControlCharacters } from '../../shared/validation/control-characters';
import { UsageError } from './cli-error';

/** What a command may touch of the terminal: kept in one object so commands never reach for `process` themselves. */
export interface CliIo {
  /** Writes to stdout (add the newline); control characters are escaped, never obeyed by the terminal. */
  out(text: string): void;
  /** Writes to stderr (add the newline); control characters are escaped, never obeyed by the terminal. */
  err(text: string): void;
  stdin: NodeJS.ReadableStream;
  /** stderr, for a live progress display. */
  errStream: NodeJS.WriteStream;
  stdinIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * The real terminal. Everything the CLI prints goes through `out` and `err`, so this is the one place where a
 * run name, a tag or an error message from an imported file is kept from setting the terminal's title or
 * clearing its screen.
 */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(escapeControlCharacters(text)),
    err: (text) => process.stderr.write(escapeControlCharacters(text)),
    stdin: process.stdin,
    errStream: process.stderr,
    stdinIsTTY: process.stdin.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
  };
}

/** Asks a yes/no question on the terminal; only `y` or `yes` counts as yes. */
export async function confirm(io: CliIo, question: string): Promise<boolean> {
  const readline = createInterface({ input: io.stdin, output: io.errStream });
  try {
    const answer = await readline.question(`${question} [y/N] `);
    return /^(y|yes)$/i.test(answer.trim());
  } finally {
    readline.close();
  }
}

/** Reads a text file named on the command line; a missing or unreadable file is bad input, named with its path. */
export async function readInputFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw inputFileError(file, error);
  }
}

/** Why an input file could not be read, for the user; an error that is not the file system's is returned as it is. */
export function inputFileError(file: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === undefined) return error;
  if (code === 'ENOENT') return UsageError.of(`${file}: no such file`);
  if (code === 'EISDIR') return UsageError.of(`${file}: is a folder, not a file`);
  return UsageError.of(`${file}: cannot be read (${errorMessage(error)})`);
}
