/** What a command may touch of the terminal: kept in one object so commands never reach for `process` themselves. */
export interface CliIo {
  /** Writes to stdout as is (add the newline). */
  out(text: string): void;
  /** Writes to stderr as is (add the newline). */
  err(text: string): void;
  stdin: NodeJS.ReadableStream;
  /** stderr, for a live progress display. */
  errStream: NodeJS.WriteStream;
  stdinIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    stdin: process.stdin,
    errStream: process.stderr,
    stdinIsTTY: process.stdin.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
  };
}
