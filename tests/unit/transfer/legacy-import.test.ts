import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportRunJson, parseRunImport } from '../../../electron/backend/transfer';
import { LEGACY_RECORD_VERSION, LEGACY_SKIPPED_REASON } from '../../../shared/run/record-version';
import { makeRunExport, openTempStore } from '../history/fixtures';

let temp: ReturnType<typeof openTempStore>;
beforeEach(() => {
  temp = openTempStore();
});
afterEach(() => temp.dispose());

/** What an older Concurrency Explorer exported (version 1): `orphaned` as a status, no `observedMs`, no new metrics. */
function versionOneExport(): Record<string, unknown> {
  const current = makeRunExport();
  const tasks = current.run.tasks.slice(0, 4).map((task, i) => {
    const { observedMs: _observed, orphaned: _orphaned, ...rest } = task;
    return [
      { ...rest, status: 'ok', error: null },
      { ...rest, status: 'orphaned', error: 'timed out after 80 ms' },
      { ...rest, status: 'orphaned', error: null },
      { ...rest, status: 'cancelled', error: LEGACY_SKIPPED_REASON, attempts: 0, endMs: rest.startMs },
    ][i];
  });
  const { spanMs: _span, skipped: _skipped, deliveryDelayMs: _delivery, ...metrics } = current.run.metrics!;
  const { recordVersion: _version, ...run } = current.run;
  return { format: current.format, version: 1, run: { ...run, tasks, failures: 0, metrics: { ...metrics, tasks: 4 } } };
}

describe('importing an export of an older version', () => {
  it('upgrades its tasks, counts and metrics, and marks it as recorded by an older engine', () => {
    const parsed = parseRunImport(JSON.stringify(versionOneExport()));
    expect(parsed.version).toBe(2);
    expect(parsed.run.recordVersion).toBe(LEGACY_RECORD_VERSION);
    expect(parsed.run.tasks.map((t) => [t.status, t.orphaned, t.observedMs === t.endMs])).toEqual([
      ['ok', false, true],
      ['timeout', true, true],
      ['ok', true, true],
      ['skipped', false, true],
    ]);
    expect(parsed.run.failures).toBe(1);
    expect(parsed.run.metrics).toMatchObject({ tasks: 4, ok: 2, timedOut: 1, skipped: 1, orphaned: 2, deliveryDelayMs: { p50: 0, p99: 0, max: 0 } });
  });

  it('keeps the upgraded run through the store and a new export', () => {
    const id = temp.store.importRun(parseRunImport(JSON.stringify(versionOneExport())));
    const stored = temp.store.getRun(id)!;
    expect(stored.recordVersion).toBe(LEGACY_RECORD_VERSION);
    const again = parseRunImport(exportRunJson(stored));
    expect(again.run.recordVersion).toBe(LEGACY_RECORD_VERSION);
    expect(again.run.tasks).toEqual(stored.tasks);
  });

  it('still refuses a broken version 1 file, naming the field', () => {
    const broken = versionOneExport();
    (broken.run as { tasks: { startMs: unknown }[] }).tasks[0]!.startMs = 'soon';
    expect(() => parseRunImport(JSON.stringify(broken))).toThrow(/run\.tasks\.0\.startMs|run\.tasks\[0\]\.startMs/);
  });
});
