import type { RunService } from '../../backend/runs/run-service';
import type { CliIo } from '../cli-io';
import { handleInterrupts } from './interrupt';
import { showProgress } from './progress-display';
import type { PlannedRun } from './run-plan';
import type { FinishedRun } from './run-report';

export interface ExecuteOptions {
  tags: string[];
  save: boolean;
}

/**
 * Makes the planned runs one after another; warm-up runs are neither saved nor reported. Ctrl+C cancels
 * the current run and skips the rest.
 */
export async function executeRuns(
  service: RunService,
  plan: readonly PlannedRun[],
  options: ExecuteOptions,
  io: CliIo,
): Promise<{ runs: FinishedRun[]; interrupted: boolean }> {
  let interrupted = false;
  const stopListening = handleInterrupts(io, () => {
    interrupted = true;
    for (const run of service.active()) run.cancel();
  });
  const runs: FinishedRun[] = [];
  try {
    for (const planned of plan) {
      if (interrupted) break;
      const run = service.start(planned.scenario, { tags: options.tags, save: options.save && !planned.warmup });
      showProgress(run, io);
      const outcome = await run.done;
      if (!planned.warmup) runs.push({ scenario: planned.scenario, outcome });
    }
  } finally {
    stopListening();
  }
  return { runs, interrupted };
}
