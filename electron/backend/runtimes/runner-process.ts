import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { computeMetrics } from '../../../shared/metrics/compute-metrics';
import { errorMessage } from '../../../shared/errors/error-message';
import { ScenarioSchema } from '../../../shared/scenario';
import type { EngineEvent, ParentToEngine } from '../../../shared/protocol/engine-protocol';
import { RunnerEventSchema, type RunnerFinishedEvent } from '../../../shared/protocol/runner-protocol';
import { problemsToText, toProblems } from '../../../shared/validation/format-issues';
import type { EngineProcess } from '../runs/engine-launcher';
import { Listeners } from '../runs/listeners';
import { TaskLedger } from '../runs/task-ledger';
import { runnerCacheRoot, runnerSourcePath } from './runner-files';
import type { RuntimeRunner } from './runtime-runner';

/** How much of a runner's stderr is kept, to explain a runner that died. */
const STDERR_TAIL_CHARS = 4000;

/**
 * One run of another runtime's runner, behind the engine's `EngineProcess`: finds the toolchain, prepares the
 * runner (a build the first time), starts it in a process group of its own, sends it the protocol's messages
 * as JSON lines and checks every line it writes (a malformed one becomes `failed`). It keeps what the runner
 * reported as typed-array columns (`TaskLedger`) and turns the runner's last line into the engine's `finished`,
 * with the metrics computed by the same code as Node runs'.
 */
export class RunnerProcess implements EngineProcess {
  readonly #runner: RuntimeRunner;
  readonly #events = new Listeners<EngineEvent>();
  readonly #exits = new Listeners<{ code: number | null; signal: string | null }>();
  readonly #preparing = new AbortController();
  #child: ChildProcess | null = null;
  #ledger: TaskLedger | null = null;
  #stderrTail = '';
  #exited = false;
  #finished = false;

  constructor(runner: RuntimeRunner, env: NodeJS.ProcessEnv, onProgress: (message: string) => void) {
    this.#runner = runner;
    void this.#start(env, onProgress);
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  send(message: ParentToEngine): void {
    if (message.type === 'start') this.#ledger = new TaskLedger(ScenarioSchema.parse(message.scenario));
    const stdin = this.#child?.stdin;
    if (stdin === null || stdin === undefined || stdin.destroyed) return;
    // A message to a runner that has already gone is moot: its exit reaches onExit.
    stdin.write(`${JSON.stringify(message)}\n`, () => {});
  }

  onEvent(listener: (event: EngineEvent) => void): () => void {
    return this.#events.add(listener);
  }

  onExit(listener: (code: number | null, signal: string | null) => void): () => void {
    return this.#exits.add(({ code, signal }) => listener(code, signal));
  }

  kill(): void {
    this.#preparing.abort();
    const child = this.#child;
    if (child === null) {
      this.#exit(null, 'SIGKILL');
      return;
    }
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      // The runner leads its own process group, which goes whole; its spawn tasks' children lead groups of their
      // own, listed in child-groups.txt, which the run's end kills (EngineRun).
      process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }

  async #start(env: NodeJS.ProcessEnv, onProgress: (message: string) => void): Promise<void> {
    const runner = this.#runner;
    try {
      const toolchain = await runner.detect(env);
      if (!toolchain.available || toolchain.path === null || toolchain.version === null) {
        throw new Error(`${runner.name} is not available: ${toolchain.reason ?? 'not found'}`);
      }
      const cacheDir = path.join(runnerCacheRoot(env), runner.name);
      await mkdir(cacheDir, { recursive: true });
      const command = await runner.prepare({
        toolchain: { ...toolchain, available: true, path: toolchain.path, version: toolchain.version },
        sourceFile: runnerSourcePath(runner.source),
        cacheDir,
        progress: onProgress,
        signal: this.#preparing.signal,
      });
      if (this.#preparing.signal.aborted) return;
      this.#spawn(command.command, command.args, { ...env, ...command.env });
    } catch (error) {
      if (this.#preparing.signal.aborted) return;
      this.#events.emit({ type: 'failed', message: `could not start the ${runner.name} runner: ${errorMessage(error)}` });
      this.#exit(1, null);
    }
  }

  #spawn(command: string, args: string[], env: NodeJS.ProcessEnv): void {
    const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32', windowsHide: true });
    this.#child = child;
    child.stdin.on('error', () => {});
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      this.#stderrTail = (this.#stderrTail + text).slice(-STDERR_TAIL_CHARS);
    });
    createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => this.#onLine(line));
    child.on('error', (error) => {
      if (child.pid === undefined) {
        this.#events.emit({ type: 'failed', message: `could not start ${command}: ${error.message}` });
        this.#exit(1, null);
      }
    });
    child.on('close', (code, signal) => {
      if (!this.#finished && code !== 0 && this.#stderrTail.trim() !== '') {
        this.#events.emit({ type: 'failed', message: `the ${this.#runner.name} runner ended (${signal ?? `exit code ${code}`}):\n${this.#stderrTail.trim()}` });
      }
      this.#exit(code, signal);
    });
  }

  #onLine(line: string): void {
    if (line.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      this.#events.emit({ type: 'failed', message: `the ${this.#runner.name} runner wrote a line that is not JSON: ${line.slice(0, 200)}` });
      return;
    }
    const parsed = RunnerEventSchema.safeParse(raw);
    if (!parsed.success) {
      this.#events.emit({
        type: 'failed',
        message: `the ${this.#runner.name} runner sent a malformed message:\n${problemsToText(toProblems(parsed.error.issues, raw))}`,
      });
      return;
    }
    const event = parsed.data;
    if (event.type === 'finished') {
      this.#finished = true;
      this.#events.emit(this.#finishedWithMetrics(event));
      return;
    }
    if (event.type === 'started') this.#ledger?.start(event.totalTasks);
    if (event.type === 'batch') this.#ledger?.apply(event);
    this.#events.emit(event);
  }

  #finishedWithMetrics(event: RunnerFinishedEvent): EngineEvent {
    const ledger = this.#ledger;
    if (ledger === null) return { type: 'failed', message: `the ${this.#runner.name} runner finished a run it was never given` };
    const metrics = computeMetrics({
      tasks: ledger.metricColumns(),
      samples: ledger.samples,
      wallMs: event.wallMs,
      cpu: event.cpu,
      loopDelayMs: event.loopDelayMs,
    });
    return { type: 'finished', status: event.status, metrics };
  }

  #exit(code: number | null, signal: string | null): void {
    if (this.#exited) return;
    this.#exited = true;
    this.#exits.emit({ code, signal });
  }
}
