import { SingleBar } from 'cli-progress';
import type { ActiveRun } from '../../backend/runs/run-service';
import { escapeControlCharacters } from '../../../shared/validation/control-characters';
import type { CliIo } from '../cli-io';

/**
 * Shows a run's progress as a bar on stderr, only when stderr is a terminal. `title` leads the bar: the
 * scenario's name, or `run 2/4 pool:2` within an experiment. What the runtime prepares first (compiling Go or
 * Java takes a while) goes to stderr as lines, terminal or not.
 */
export function showProgress(run: ActiveRun, io: CliIo, title: string = run.scenario.name): void {
  const stopPreparing = run.onPreparing((message) => io.err(`${run.scenario.runtime}: ${message}\n`));
  run.onFinished(stopPreparing);
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
