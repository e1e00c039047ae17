import type { Finding } from '../../../../shared/findings';
import type { ExplorerApi } from '../../../../renderer/state/explorer-api';
import type { RunEventsPayload, RunFinishedPayload, RunPreparingPayload, RunProgressPayload, RunStartedPayload } from '../../../../shared/api/run-events';
import type { TaskRecord } from '../../../../shared/protocol/task-record';
import type { ActiveRunInfo } from '../../../../shared/api/run-methods';
import { externalEffects } from '../../../../shared/scenario';

type Listeners = {
  preparing: ((p: RunPreparingPayload) => void)[];
  started: ((p: RunStartedPayload) => void)[];
  progress: ((p: RunProgressPayload) => void)[];
  events: ((p: RunEventsPayload) => void)[];
  finished: ((p: RunFinishedPayload) => void)[];
};

/** An in-memory backend for the run state: records calls and lets a test push run events. */
export class FakeExplorerApi implements ExplorerApi {
  readonly listeners: Listeners = { preparing: [], started: [], progress: [], events: [], finished: [] };
  readonly calls: string[] = [];
  /** Runs before `runs.start` resolves, e.g. to send events before the key is known. */
  beforeStartResolves: () => void = () => {};
  startError: Error | null = null;
  cancelAnswer = true;

  /** The options of each `runs.start`, in order. */
  readonly startOptions: ({ scenarioDir?: string } | undefined)[] = [];

  runs = {
    start: async (args: { options?: { scenarioDir?: string } }): Promise<{ key: string; runId: number | null }> => {
      this.calls.push('runs.start');
      this.startOptions.push(args.options);
      if (this.startError !== null) throw this.startError;
      this.beforeStartResolves();
      return { key: 'run-1', runId: 7 };
    },
    cancel: async ({ key }: { key: string }) => {
      this.calls.push(`runs.cancel ${key}`);
      return { cancelled: this.cancelAnswer };
    },
    active: async () => {
      this.calls.push('runs.active');
      return this.activeRuns;
    },
    machine: async () => this.machine,
  };
  /** What `runs.machine` answers. */
  machine = { cpuCount: 2, loadAverage1m: 0.5 };
  /** What `runs.active` answers. */
  activeRuns: ActiveRunInfo[] = [];
  runtimes: ExplorerApi['runtimes'] = {
    list: async () => ({ runtimes: [{ name: 'node', available: true, version: '22.0.0', path: '/usr/bin/node', reason: null }] }),
  };
  scenarios: ExplorerApi['scenarios'] = {
    list: async () => ({ builtIn: [], saved: [] }),
    save: async () => {
      throw new Error('not used');
    },
    delete: async () => ({ deleted: false }),
  };
  /** Content Run was chosen for, as JSON (the real backend keys it by a hash of it). */
  readonly granted = new Set<string>();
  consent: ExplorerApi['consent'] = {
    check: async ({ scenario }) => {
      this.calls.push('consent.check');
      const effects = externalEffects(scenario);
      return { effects, granted: this.granted.has(JSON.stringify(scenario)) };
    },
    grant: async ({ scenario }) => {
      this.calls.push('consent.grant');
      this.granted.add(JSON.stringify(scenario));
      return { granted: true };
    },
  };
  history: ExplorerApi['history'] = {
    list: async () => ({ runs: [], total: 0 }),
    getColumnar: async () => {
      throw new Error('not used');
    },
    findings: async ({ id }) => {
      this.calls.push(`history.findings ${id}`);
      return this.findings;
    },
  };
  /** What `history.findings` answers. */
  findings: Finding[] = [];

  onRunPreparing(l: (p: RunPreparingPayload) => void) { return this.#add(this.listeners.preparing, l); }
  onRunStarted(l: (p: RunStartedPayload) => void) { return this.#add(this.listeners.started, l); }
  onRunProgress(l: (p: RunProgressPayload) => void) { return this.#add(this.listeners.progress, l); }
  onRunEvents(l: (p: RunEventsPayload) => void) { return this.#add(this.listeners.events, l); }
  onRunFinished(l: (p: RunFinishedPayload) => void) { return this.#add(this.listeners.finished, l); }

  emitPreparing(message: string, key = 'run-1'): void {
    for (const l of this.listeners.preparing) l({ key, runId: 7, message });
  }
  emitStarted(key = 'run-1', totalTasks = 4): void {
    for (const l of this.listeners.started) l({ key, runId: 7, scenarioName: 's', totalTasks, lanes: 2, startedAtEpochMs: 0 });
  }
  emitBatch(finished: TaskRecord[], done: number, key = 'run-1'): void {
    for (const l of this.listeners.events) l({ key, runId: 7, started: [], finished, samples: [] });
    for (const l of this.listeners.progress) l({ key, runId: 7, done, total: 4, inFlight: 4 - done, elapsedMs: done * 100 });
  }
  emitFinished(status: RunFinishedPayload['status'], key = 'run-1', metrics: RunFinishedPayload['metrics'] = null): void {
    for (const l of this.listeners.finished) l({ key, runId: 7, status, metrics, error: null });
  }

  #add<T>(list: T[], listener: T): () => void {
    list.push(listener);
    return () => list.splice(list.indexOf(listener), 1);
  }
}

/** A finished task record at `endMs`. */
export function task(index: number, endMs: number, status: TaskRecord['status'] = 'ok', orphaned = false): TaskRecord {
  return { index, group: 0, kind: 'timer', lane: index % 2, queuedMs: 0, startMs: endMs - 10, endMs, observedMs: endMs, status, orphaned, error: null, attempts: 1 };
}
