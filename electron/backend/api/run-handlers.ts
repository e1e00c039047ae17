import { availableParallelism, loadavg } from 'node:os';
import type { RunService, ActiveRun } from '../runs/run-service';
import { requireRuntime } from '../runtimes/require-runtime';
import type { ApiHandlers } from './api-endpoint';
import type { ApiEventHub } from './event-hub';

type RunHandlers = Pick<ApiHandlers, 'runs.start' | 'runs.cancel' | 'runs.active' | 'runs.machine'>;

/** Runs go through the run service; their events are relayed to every client. */
export function runHandlers(runService: RunService, events: ApiEventHub): RunHandlers {
  return {
    'runs.start': async ({ scenario, options }) => {
      await requireRuntime(scenario.runtime);
      const run = runService.start(scenario, options);
      relayRunEvents(run, events);
      return { key: run.key, runId: run.runId };
    },
    'runs.cancel': ({ key }) => {
      const run = runService.find(key);
      run?.cancel();
      return { cancelled: run !== undefined };
    },
    'runs.machine': () => ({ cpuCount: availableParallelism(), loadAverage1m: loadavg()[0] ?? 0 }),
    'runs.active': () =>
      runService.active().map((run) => ({ key: run.key, runId: run.runId, scenarioName: run.scenario.name, ...run.progress() })),
  };
}

/**
 * Turns one run's engine events into API events: any `runPreparing`, `runStarted`, then per batch `runEvents` and
 * `runProgress`, then `runFinished`. Anything that starts runs for clients (e.g. experiments) relays them here.
 */
export function relayRunEvents(run: ActiveRun, events: ApiEventHub): void {
  const ref = { key: run.key, runId: run.runId };
  const stopPreparing = run.onPreparing((message) => events.emit('runPreparing', { ...ref, message }));
  const stopStarted = run.onStarted(({ totalTasks, lanes, startedAtEpochMs }) =>
    events.emit('runStarted', { ...ref, scenarioName: run.scenario.name, totalTasks, lanes, startedAtEpochMs }),
  );
  const stopBatch = run.onBatch(({ started, finished, samples, runtime, done, inFlight, elapsedMs }) => {
    events.emit('runEvents', runtime === undefined ? { ...ref, started, finished, samples } : { ...ref, started, finished, samples, runtime });
    events.emit('runProgress', { ...ref, done, total: run.progress().total, inFlight, elapsedMs });
  });
  run.onFinished(({ status, metrics, error }) => {
    stopPreparing();
    stopStarted();
    stopBatch();
    events.emit('runFinished', { ...ref, status, metrics, error });
  });
}
