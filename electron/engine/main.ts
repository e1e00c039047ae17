import { ParentToEngineSchema } from '../../shared/protocol/engine-protocol';
import { problemsToText, toProblems } from '../../shared/validation/format-issues';
import { connectToParent, type ParentChannel } from './channel/parent-channel';
import { killRecordedChildGroups } from './children/child-groups';
import { mayBlockLoop, startParentWatchdog, type ParentWatchdog } from './children/parent-watchdog';
import { runScenario } from './run-scenario';
import { errorMessage } from '../../shared/errors/error-message';

/**
 * The engine process: says `ready`, runs the one scenario of the `start` message (Cancel aborts it),
 * reports every failure as a `failed` event rather than a stack trace, and exits when the run is over.
 * Whenever it exits, the process groups its `spawn` tasks started go with it; it ends when its parent has gone:
 * through the channel, or, while a task may hold its loop (and always where the channel does not tell), through a
 * watchdog thread. That thread is started only then: starting one costs about as much CPU as a short run.
 */
function serve(channel: ParentChannel): void {
  const cancel = new AbortController();
  let watchdog: ParentWatchdog | null = channel.endsWithParent ? null : startParentWatchdog();
  let running = false;
  let scratchDir: string | null = null;
  process.on('exit', () => {
    if (scratchDir !== null) killRecordedChildGroups(scratchDir);
  });

  const exit = (code: number) => {
    void channel.flushed().then(() => process.exit(code));
  };
  const fail = (message: string) => {
    void channel.send({ type: 'failed', message });
    exit(1);
  };

  process.on('uncaughtException', (error) => fail(`the engine crashed: ${error.message}`));
  process.on('unhandledRejection', (reason) => fail(`the engine crashed: ${errorMessage(reason)}`));

  channel.onMessage((raw) => {
    const parsed = ParentToEngineSchema.safeParse(raw);
    if (!parsed.success) {
      if (!running) fail(`the start message is not valid:\n${problemsToText(toProblems(parsed.error.issues, raw))}`);
      return;
    }
    const message = parsed.data;
    if (message.type === 'cancel') {
      cancel.abort();
      if (!running) fail('cancelled before the run started');
      return;
    }
    if (running) return;
    running = true;
    scratchDir = message.scratchDir;
    if (watchdog === null && mayBlockLoop(message.scenario)) watchdog = startParentWatchdog();
    watchdog?.watchScratch(scratchDir);
    const { targetUrl = null } = message;
    // The run waits for the watchdog thread's start, which would otherwise take CPU from its first tasks.
    (watchdog?.online ?? Promise.resolve())
      .then(() => runScenario(message.scenario, { scratchDir: message.scratchDir, targetUrl, signal: cancel.signal, emit: (event) => channel.send(event) }))
      .then(
        (last) => exit(last.type === 'finished' ? 0 : 1),
        (error: unknown) => fail(`the engine failed: ${errorMessage(error)}`),
      );
  });
  void channel.send({ type: 'ready', pid: process.pid });
  // zod sets a schema up on its first check: doing that on a sample while a spare engine waits takes it off the
  // way from Run to the first task. (An engine that gets its start at once would pay the same a moment later.)
  setImmediate(() => ParentToEngineSchema.safeParse(WARM_UP_START));
}

const WARM_UP_START = {
  type: 'start',
  scratchDir: '.',
  scenario: { version: 1, name: 'warm-up', strategy: { type: 'sequential' }, tasks: [{ kind: 'timer', count: 1, ms: 0 }] },
};

try {
  serve(connectToParent());
} catch (error) {
  process.stderr.write(`${errorMessage(error)}\n`);
  process.exitCode = 2;
}
