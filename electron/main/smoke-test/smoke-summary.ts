import { z } from 'zod';
import { RunStatusSchema } from '../../../shared/run/run-schema';
import { errorMessage } from '../../../shared/errors/error-message';

/** The command-line flag of the desktop app that runs the smoke test instead of opening a window. */
export const SMOKE_TEST_FLAG = '--smoke-test';

/** The built-in scenario the smoke test runs: its SQLite tasks load the driver in the engine process too. */
export const SMOKE_TEST_PRESET_ID = 'sqlite-blocks-loop';

/** Starts the one machine-readable line of the smoke test's output; the release job reads it. */
export const SMOKE_SUMMARY_PREFIX = 'SMOKE-TEST-SUMMARY ';

/** What the smoke test prints about its run, after reading the run back from the history it wrote. */
export const SmokeSummarySchema = z.strictObject({
  preset: z.string(),
  /** The run's status as stored: `completed` when the engine finished it. */
  status: RunStatusSchema,
  tasks: z.number().int().min(0),
  ok: z.number().int().min(0),
  /** Task records read back from the history database, written by the SQLite driver under test. */
  storedTasks: z.number().int().min(0),
  wallMs: z.number().min(0),
  throughputPerSec: z.number().min(0),
  /** The Electron version the app runs on (`process.versions.electron`). */
  electronVersion: z.string(),
  /** The file name of the Electron-ABI SQLite driver the app loaded. */
  sqliteDriver: z.string(),
});
export type SmokeSummary = z.output<typeof SmokeSummarySchema>;

/** The smoke test's output: one line for people, one for the release job. */
export function formatSmokeSummary(summary: SmokeSummary): string {
  const human =
    `Smoke test passed: preset ${summary.preset} ran ${summary.tasks} tasks (${summary.ok} ok) in ${summary.wallMs.toFixed(1)} ms ` +
    `in an engine process, and ${summary.storedTasks} task records were read back through ${summary.sqliteDriver} on Electron ${summary.electronVersion}.`;
  return `${human}\n${SMOKE_SUMMARY_PREFIX}${JSON.stringify(summary)}\n`;
}

/** The verdict on a smoke test's output: the summary when it shows a run that did all its work, else why not. */
export type SmokeVerdict = { ok: true; summary: SmokeSummary } | { ok: false; problem: string };

/**
 * Reads the summary line out of the smoke test's whole output and checks that the run completed, every task
 * ended `ok`, and every task was stored and read back. `expectedElectronVersion`, when given, must match.
 */
export function checkSmokeOutput(output: string, expectedElectronVersion?: string): SmokeVerdict {
  const line = output.split(/\r?\n/).find((text) => text.startsWith(SMOKE_SUMMARY_PREFIX));
  if (line === undefined) return { ok: false, problem: `the output has no line starting with "${SMOKE_SUMMARY_PREFIX.trim()}"` };
  let value: unknown;
  try {
    value = JSON.parse(line.slice(SMOKE_SUMMARY_PREFIX.length));
  } catch (error) {
    return { ok: false, problem: `the summary line is not JSON (${errorMessage(error)})` };
  }
  const parsed = SmokeSummarySchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return { ok: false, problem: `the summary line does not have the expected fields (${issues.join('; ')})` };
  }
  const summary = parsed.data;
  if (summary.status !== 'completed') return { ok: false, problem: `the run ended ${summary.status}, not completed` };
  if (summary.tasks === 0) return { ok: false, problem: 'the run had no tasks' };
  if (summary.ok !== summary.tasks) return { ok: false, problem: `${summary.tasks - summary.ok} of ${summary.tasks} tasks did not end ok` };
  if (summary.storedTasks !== summary.tasks) {
    return { ok: false, problem: `${summary.storedTasks} task records were read back from the history, expected ${summary.tasks}` };
  }
  if (expectedElectronVersion !== undefined && summary.electronVersion !== expectedElectronVersion) {
    return { ok: false, problem: `the app ran on Electron ${summary.electronVersion}, expected ${expectedElectronVersion}` };
  }
  return { ok: true, summary };
}
