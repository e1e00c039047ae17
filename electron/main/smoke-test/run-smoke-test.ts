import path from 'node:path';
import { findPreset } from '../../../shared/presets';
import { checkScenario } from '../../../shared/scenario';
import { HistoryStore } from '../../backend/history';
import type { EngineLauncher } from '../../backend/runs/engine-launcher';
import { RunService } from '../../backend/runs/run-service';
import { SMOKE_TEST_PRESET_ID, type SmokeSummary } from './smoke-summary';

/** The smoke test's run did not do all its work; the message says what went wrong. */
export class SmokeTestError extends Error {
  override readonly name = 'SmokeTestError';
}

/**
 * Runs the built-in scenario `SMOKE_TEST_PRESET_ID` as the app runs every scenario: recorded in a history database
 * in `dataDir` opened with the app's SQLite driver (`sqliteBinding`), in an engine started by `launcher`. Then
 * reads the run back from that database. Throws `SmokeTestError` unless the run completed with every task ok.
 */
export async function runSmokeTest(options: {
  dataDir: string;
  sqliteBinding: string;
  launcher: EngineLauncher;
  electronVersion: string;
}): Promise<SmokeSummary> {
  const preset = findPreset(SMOKE_TEST_PRESET_ID);
  if (preset === undefined) throw new SmokeTestError(`the built-in scenario ${SMOKE_TEST_PRESET_ID} is missing`);
  const check = checkScenario(preset.scenario);
  if (!check.ok) throw new SmokeTestError(`the built-in scenario ${SMOKE_TEST_PRESET_ID} is not valid: ${check.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);

  const store = HistoryStore.open(path.join(options.dataDir, 'history.sqlite'), { nativeBinding: options.sqliteBinding });
  try {
    const runs = new RunService({ store, launcher: options.launcher, scratchRoot: path.join(options.dataDir, 'scratch') });
    const outcome = await runs.start(check.scenario).done;
    if (outcome.status !== 'completed' || outcome.runId === null || outcome.metrics === null) {
      throw new SmokeTestError(`the run ended ${outcome.status}${outcome.error === null ? '' : `: ${outcome.error}`}`);
    }
    const stored = store.getRun(outcome.runId);
    if (stored === null) throw new SmokeTestError(`run ${outcome.runId} is not in the history it was recorded in`);
    const notOk = stored.tasks.filter((task) => task.status !== 'ok');
    if (notOk.length > 0) {
      throw new SmokeTestError(`${notOk.length} of ${stored.tasks.length} tasks did not end ok (first: ${notOk[0]!.status}${notOk[0]!.error ? `, ${notOk[0]!.error}` : ''})`);
    }
    return {
      preset: preset.id,
      status: stored.status,
      tasks: outcome.metrics.tasks,
      ok: outcome.metrics.ok,
      storedTasks: stored.tasks.length,
      wallMs: outcome.metrics.wallMs,
      throughputPerSec: outcome.metrics.throughputPerSec,
      electronVersion: options.electronVersion,
      sqliteDriver: path.basename(options.sqliteBinding),
    };
  } finally {
    store.close();
  }
}
