import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineEvent, FinishedEvent } from '../../../shared/protocol/engine-protocol';
import type { TaskRecord } from '../../../shared/protocol/task-record';
import { ScenarioSchema, type ScenarioInput } from '../../../shared/scenario';
import { runScenario } from '../../../electron/engine/run-scenario';
import { resolveUserPaths } from '../../../electron/backend/runs/user-paths';

/** What an in-process run produced. */
export interface InProcessRun {
  events: EngineEvent[];
  /** Every finished task of every batch, by task index. */
  records: TaskRecord[];
  finished: FinishedEvent;
}

/**
 * Runs a scenario with the engine in this process (scratch folder removed afterwards); its relative user paths
 * start from `scenarioDir`, resolved by the backend's code as for a real run.
 */
export async function runInProcess(input: Omit<ScenarioInput, 'version' | 'name'>, signal?: AbortSignal, inputs: { scenarioDir?: string } = {}): Promise<InProcessRun> {
  const scenario = resolveUserPaths(ScenarioSchema.parse({ version: 1, name: 'unit', ...input }), inputs.scenarioDir);
  const scratchDir = mkdtempSync(join(tmpdir(), 'engine-unit-'));
  const events: EngineEvent[] = [];
  try {
    const last = await runScenario(scenario, { scratchDir, signal, emit: (event) => events.push(event) });
    if (last.type !== 'finished') throw new Error(`run failed: ${last.message}`);
    const records = events.flatMap((event) => (event.type === 'batch' ? event.finished : [])).sort((a, b) => a.index - b.index);
    return { events, records, finished: last };
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
}

/** How many records have each status. */
export function countByStatus(records: readonly TaskRecord[]): Partial<Record<TaskRecord['status'], number>> {
  const counts: Partial<Record<TaskRecord['status'], number>> = {};
  for (const record of records) counts[record.status] = (counts[record.status] ?? 0) + 1;
  return counts;
}
