import { escapeControlCharacters } from '../../shared/validation/control-characters';

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
