import { createInterface } from 'node:readline/promises';
import type { CliIo } from './cli-io';

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
