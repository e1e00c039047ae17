import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { app } from 'electron';
import { utilityLauncher } from '../engine-launcher/utility-launcher';
import { runSmokeTest } from './run-smoke-test';
import { formatSmokeSummary } from './smoke-summary';
import { errorMessage } from '../../../shared/errors/error-message';

/** A new, empty data folder for one smoke test: the user's own history is never opened. */
export function freshSmokeTestDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'concurrency-explorer-smoke-test-'));
}

/**
 * The desktop app's `--smoke-test` mode: no window, one built-in scenario run through the app's own engine
 * launcher (utility processes) and SQLite driver in `dataDir`, its summary on stdout, then exit 0. On failure, one
 * line on stderr saying why (and where the data folder was kept), then exit 1.
 */
export async function smokeTestAndExit(options: { dataDir: string; engineFile: string; sqliteBinding: () => string }): Promise<void> {
  let code = 0;
  try {
    const sqliteBinding = options.sqliteBinding();
    const summary = await runSmokeTest({
      dataDir: options.dataDir,
      sqliteBinding,
      launcher: utilityLauncher({ engineFile: options.engineFile, sqliteBinding }),
      electronVersion: process.versions.electron ?? 'unknown',
    });
    await write(process.stdout, formatSmokeSummary(summary));
    rmSync(options.dataDir, { recursive: true, force: true });
  } catch (error) {
    code = 1;
    await write(process.stderr, `Smoke test failed: ${errorMessage(error)} (data folder kept: ${options.dataDir})\n`);
  }
  app.exit(code);
}

/** Writes and waits until the text is handed over: pipes are asynchronous on Windows, and exit would cut them. */
function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => stream.write(text, () => resolve()));
}
