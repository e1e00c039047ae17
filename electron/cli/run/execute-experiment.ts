import type { ExperimentSpec } from '../../../shared/experiments/experiment-spec';
import { runExperiment, type ExperimentResult, type ExperimentRunner } from '../../backend/experiments';
import type { HistoryStore } from '../../backend/history';
import type { RunService } from '../../backend/runs/run-service';
import type { CliIo } from '../cli-io';
import { handleInterrupts } from './interrupt';
import { showProgress } from './progress-display';
import { finishedRun, type FinishedRun } from './run-report';

/** An experiment the `run` command made: what `runExperiment` returned, and its counted runs with their scenarios. */
export interface FinishedExperiment {
  result: ExperimentResult;
  runs: FinishedRun[];
  /** Ctrl+C stopped it. */
  interrupted: boolean;
}

/**
 * Makes the runs of an experiment one after another, stored under one experiment with `tags`, each with a
 * progress bar `run 2/4 pool:2` on a terminal. Ctrl+C cancels the run under way and starts no more.
 */
export async function executeExperiment(
  service: RunService,
  store: HistoryStore,
  spec: ExperimentSpec,
  options: { tags: string[]; scenarioDir?: string },
  io: CliIo,
): Promise<FinishedExperiment> {
  const controller = new AbortController();
  const stopListening = handleInterrupts(io, () => controller.abort(), 'the experiment');
  const tagged: ExperimentRunner = { start: (scenario, startOptions) => service.start(scenario, { ...startOptions, tags: options.tags, scenarioDir: options.scenarioDir ?? startOptions?.scenarioDir }) };
  const counted: Promise<FinishedRun>[] = [];
  try {
    const result = await runExperiment(tagged, store, spec, {
      signal: controller.signal,
      onRunStarted: (run, progress) => {
        showProgress(run, io, `run ${progress.index + 1}/${progress.total} ${progress.label}`);
        if (!progress.warmup) counted.push(finishedRun(run));
      },
    });
    return { result, runs: await Promise.all(counted), interrupted: controller.signal.aborted };
  } finally {
    stopListening();
  }
}
