import { RunHistory } from '../../../../renderer/state/history/run-history.svelte';
import { createApiClient, type ApiClient } from '../../../../shared/api/api-client';
import type { ApiTransport } from '../../../../shared/api/api-transport';
import type { RunExport } from '../../../../shared/run/run-schema';
import type { ExportedFile } from '../../../../shared/api/history-methods';
import { createBackend } from '../../../../electron/backend/api/create-backend';
import type { EngineLauncher } from '../../../../electron/backend/runs/engine-launcher';
import { RunService, type RunServiceOptions } from '../../../../electron/backend/runs/run-service';
import type { HistoryStore } from '../../../../electron/backend/history';
import { makeMetrics, makeRunExport, makeTasks, openTempStore } from '../../history/fixtures';

/** Tests of the history views start no run: a launch would be a bug. */
const NO_ENGINES: EngineLauncher = {
  launch: () => {
    throw new Error('no engine should start in these tests');
  },
};

/**
 * The real backend in-process on a fresh SQLite file, with the typed client the renderer uses. Every call the
 * client makes is counted by method, and `downloads` keeps what the browser fallback would have saved.
 */
export class HistoryBackend {
  readonly api: ApiClient;
  /** What `api` calls through: for a test to put a desktop-only method or event in front of it. */
  readonly transport: ApiTransport;
  readonly calls: string[] = [];
  readonly downloads: ExportedFile[] = [];
  readonly #temp = openTempStore();

  /** `runtimeLaunchers`, when given, stand in for the runners of other runtimes. */
  constructor(launcher: EngineLauncher = NO_ENGINES, runtimeLaunchers?: RunServiceOptions['runtimeLaunchers']) {
    const backend = createBackend({ store: this.store, runService: new RunService({ store: this.store, launcher, runtimeLaunchers }) });
    this.transport = {
      call: (method, args) => {
        this.calls.push(method);
        return backend.call(method, args);
      },
      subscribe: (event, listener) => backend.subscribe(event, listener),
    };
    this.api = createApiClient(this.transport);
  }

  /** The History view's state on this backend; its downloads land in `downloads`. */
  history(): RunHistory {
    return new RunHistory(this.api, (file) => this.downloads.push(file));
  }

  get store(): HistoryStore {
    return this.#temp.store;
  }

  /** Stores a finished run as an import would (with its own created time, strategy, status and tags). */
  addRun(overrides: Partial<RunExport['run']> = {}, taskCount = 12): number {
    return this.store.importRun(makeRunExport(overrides, taskCount));
  }

  /** `count` runs named `run 0`, `run 1`, ... one minute apart, newest last. */
  addRuns(count: number): number[] {
    const start = Date.parse('2025-03-01T10:00:00.000Z');
    return Array.from({ length: count }, (_, i) =>
      this.addRun({ name: `run ${i}`, createdAt: new Date(start + i * 60_000).toISOString(), wallMs: 100 + i }, 2),
    );
  }

  /** A completed run of a repeat (or other) experiment whose wall time and throughput are given. */
  addExperimentRun(experimentId: number, wallMs: number): number {
    const tasks = makeTasks(8);
    const id = this.store.createRun({ scenario: makeRunExport().run.scenario, experimentId });
    this.store.recordStarted(id, { startedAtEpochMs: Date.now(), totalTasks: 8, lanes: 4 });
    this.store.appendBatch(id, { finished: tasks, samples: [] });
    this.store.finishRun(id, { status: 'completed', metrics: { ...makeMetrics(tasks), wallMs, throughputPerSec: 8000 / wallMs } });
    return id;
  }

  count(method: string): number {
    return this.calls.filter((call) => call === method).length;
  }

  dispose(): void {
    this.#temp.dispose();
  }
}
