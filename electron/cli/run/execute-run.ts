import type { Scenario } from '../../../shared/scenario';
import type { RunService } from '../../backend/runs/run-service';
import { requireRuntime } from '../../backend/runtimes/require-runtime';
import type { CliIo } from '../cli-io';
import { handleInterrupts } from './interrupt';
import { showProgress } from './progress-display';
import { finishedRun, type FinishedRun } from './run-report';

export interface ExecuteOptions {
  tags: string[];
  save: boolean;
  /** The folder of the scenario file, for its relative `module` and `database` paths. */
  scenarioDir?: string;
}

/** Makes one run of the scenario, with a progress bar on a terminal; Ctrl+C cancels it. */
export async function executeRun(
  service: RunService,
  scenario: Scenario,
  options: ExecuteOptions,
  io: CliIo,
): Promise<{ run: FinishedRun; interrupted: boolean }> {
  await requireRuntime(scenario.runtime);
  let interrupted = false;
  const stopListening = handleInterrupts(io, () => {
    interrupted = true;
    service.stop();
  });
  try {
    const active = service.start(scenario, { tags: options.tags, save: options.save, scenarioDir: options.scenarioDir });
    showProgress(active, io);
    return { run: await finishedRun(active), interrupted };
  } finally {
    stopListening();
  }
}
