import type { CliIo } from '../cli-io';
import { EXIT_CODES } from '../cli-error';

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
