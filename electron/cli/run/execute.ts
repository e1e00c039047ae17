import { SingleBar } from 'cli-progress';
import type { ExperimentSpec } from '../../../shared/experiments/experiment-spec';
import type { Scenario } from '../../../shared/scenario';
import { escapeControlCharacters } from '../../../shared/validation/control-characters';
import { type ExperimentRunner, runExperiment } from '../../backend/experiments';
import type { HistoryStore } from '../../backend/history';
import type { ActiveRun, RunService } from '../../backend/runs/run-service';
import { EXIT_CODES } from '../cli-error';
import type { CliIo } from '../cli-io';
import type { FinishedExperiment, FinishedRun } from './run-report';

/**
 * Ctrl+C while runs are under way: the first one calls `cancel` (the runs end cleanly, recorded as
 * cancelled), a second one exits at once. `what` names what is cancelled (`the run`, `the experiment`).
 * Returns the way to stop listening.
 */
export function handleInterrupts(io: CliIo, cancel: () => void, what = 'the run'): () => void {
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) {
      io.err('Stopped.\n');
      process.exit(EXIT_CODES.interrupted);
    }
    interrupted = true;
    io.err(`Cancelling ${what}... (press Ctrl+C again to stop at once)\n`);
    cancel();
  };
  process.on('SIGINT', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
  };
}

/**
 * Shows a run's progress as a bar on stderr, only when stderr is a terminal. `title` leads the bar: the
 * scenario's name, or `run 2/4 pool:2` within an experiment.
 */
export function showProgress(run: ActiveRun, io: CliIo, title: string = run.scenario.name): void {
  if (!io.stderrIsTTY) return;
  const bar = new SingleBar({
    stream: io.errStream,
    format: `${escapeControlCharacters(title)} [{bar}] {value}/{total} tasks | {inFlight} in flight | {elapsed}`,
    hideCursor: true,
    clearOnComplete: true,
  });
  const stop = [
    run.onStarted((event) => bar.start(event.totalTasks, 0, { inFlight: 0, elapsed: '0.0 s' })),
    run.onBatch((event) => bar.update(event.done, { inFlight: event.inFlight, elapsed: `${(event.elapsedMs / 1000).toFixed(1)} s` })),
  ];
  run.onFinished(() => {
    for (const unsubscribe of stop) unsubscribe();
    bar.stop();
  });
}

export interface ExecuteOptions {
  tags: string[];
  save: boolean;
}

/** Makes one run of the scenario, with a progress bar on a terminal; Ctrl+C cancels it. */
export async function executeRun(
  service: RunService,
  scenario: Scenario,
  options: ExecuteOptions,
  io: CliIo,
): Promise<{ run: FinishedRun; interrupted: boolean }> {
  let interrupted = false;
  const stopListening = handleInterrupts(io, () => {
    interrupted = true;
    service.stop();
  });
  try {
    const active = service.start(scenario, { tags: options.tags, save: options.save });
    showProgress(active, io);
    const outcome = await active.done;
    return { run: { scenario, outcome }, interrupted };
  } finally {
    stopListening();
  }
}

/**
 * Makes the runs of an experiment one after another, stored under one experiment with `tags`, each with a
 * progress bar `run 2/4 pool:2` on a terminal. Ctrl+C cancels the run under way and starts no more.
 */
export async function executeExperiment(
  service: RunService,
  store: HistoryStore,
  spec: ExperimentSpec,
  options: { tags: string[] },
  io: CliIo,
): Promise<FinishedExperiment> {
  const controller = new AbortController();
  const stopListening = handleInterrupts(io, () => controller.abort(), 'the experiment');
  const tagged: ExperimentRunner = { start: (scenario, startOptions) => service.start(scenario, { ...startOptions, tags: options.tags }) };
  const counted: Promise<FinishedRun>[] = [];
  try {
    const result = await runExperiment(tagged, store, spec, {
      signal: controller.signal,
      onRunStarted: (run, progress) => {
        showProgress(run, io, `run ${progress.index + 1}/${progress.total} ${progress.label}`);
        if (!progress.warmup) counted.push(run.done.then((outcome) => ({ scenario: run.scenario, outcome })));
      },
    });
    return { result, runs: await Promise.all(counted), interrupted: controller.signal.aborted };
  } finally {
    stopListening();
  }
}
