import type { TaskRecord, TaskStatus } from '../protocol/task-record';
import type { Strategy } from '../scenario';
import { EventQueue } from './event-queue';
import { SharedServer } from './shared-server';
import { strategyReplay, type StrategyReplay } from './strategy-replay';
import type { AttemptPlan, TaskPlan } from './work-plan';

/** How the replayed run is set up: the strategy, the scenario's attempt policy, and the machine. */
export interface SimulationSettings {
  strategy: Strategy;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  /** Pool threads that can work at full speed at once. */
  poolCapacity: number;
  cores: number;
}

/** The replayed run: a record per task (the engine's shape) and when the strategy settled. */
export interface SimulatedRun {
  tasks: TaskRecord[];
  wallMs: number;
}

/** A timeout that fires later than this after it was due is stamped at its due time (the engine's rule). */
const LATE_TIMEOUT_NOTE_MS = 5;
const CANCELLED_REASON = 'cancelled: a task failed first, and the structured strategy aborted the rest';
const SKIPPED_REASON = 'never started: the strategy stopped at the first failure';

type AttemptStatus = 'ok' | 'error' | 'timeout' | 'cancelled';

interface Running {
  plan: TaskPlan;
  lane: number;
  startMs: number;
}

/**
 * A discrete-event replay of one run. The event loop is a cursor (`#nowMs`): due events run on it in time
 * order, no earlier than it is free; synchronous work moves it on, so everything else waits, as on the real
 * loop. What a callback sets off synchronously (a strategy's continuation starting the next task) runs as a
 * microtask before the next event, as promise reactions do. Pool and worker threads run alongside the loop
 * and hand their results back to it as events.
 */
class Simulation {
  #nowMs = 0;
  #settledAtMs: number | null = null;
  readonly #events = new EventQueue();
  readonly #microtasks: (() => void)[] = [];
  /** How to abort each task that is waiting (on its work or a retry's backoff), by task index. */
  readonly #aborts = new Map<number, () => void>();
  readonly #pool: SharedServer;
  readonly #cores: SharedServer;
  readonly #records: (TaskRecord | undefined)[];
  readonly #plans: readonly TaskPlan[];
  readonly #settings: SimulationSettings;
  readonly #replay: StrategyReplay;

  constructor(plans: readonly TaskPlan[], settings: SimulationSettings) {
    this.#plans = plans;
    this.#settings = settings;
    this.#pool = new SharedServer(settings.poolCapacity);
    this.#cores = new SharedServer(settings.cores);
    this.#records = new Array<TaskRecord | undefined>(plans.length);
    this.#replay = strategyReplay(settings.strategy, {
      count: plans.length,
      start: (index, lane) => this.#start(index, lane),
      settle: () => {
        this.#settledAtMs ??= this.#nowMs;
      },
      cancelRunning: () => {
        for (const abort of [...this.#aborts.values()]) abort();
      },
    });
  }

  run(): SimulatedRun {
    this.#replay.begin();
    this.#drainMicrotasks();
    for (;;) {
      const threadsDoneMs = Math.min(this.#pool.nextDoneMs(), this.#cores.nextDoneMs());
      if (threadsDoneMs < this.#events.nextDueMs()) {
        this.#pool.advanceTo(threadsDoneMs);
        this.#cores.advanceTo(threadsDoneMs);
        continue;
      }
      const event = this.#events.pop();
      if (event === undefined) break;
      this.#nowMs = Math.max(this.#nowMs, event.dueMs);
      event.run();
      this.#drainMicrotasks();
    }
    return this.#result();
  }

  #drainMicrotasks(): void {
    for (let i = 0; i < this.#microtasks.length; i += 1) this.#microtasks[i]?.();
    this.#microtasks.length = 0;
  }

  #at(dueMs: number, run: () => void): void {
    this.#events.push(dueMs, run);
  }

  #start(index: number, lane: number): void {
    const plan = this.#plans[index];
    if (plan === undefined) return;
    this.#attempt({ plan, lane, startMs: this.#nowMs }, 0);
  }

  /** Under `workers` the whole task runs on a worker thread: its loop work shares the cores instead of the loop. */
  #placeOf(plan: TaskPlan): TaskPlan['place'] | 'core' {
    return this.#settings.strategy.type === 'workers' && plan.place === 'loop' ? 'core' : plan.place;
  }

  #attempt(task: Running, attempt: number): void {
    const { attempts } = task.plan;
    const work: AttemptPlan = attempts[Math.min(attempt, attempts.length - 1)] ?? { workMs: 0, loopMs: 0, outcome: 'ok' };
    const place = this.#placeOf(task.plan);
    if (place === 'loop') {
      // Synchronous work cannot be interrupted: its timeout fires after it, and its result comes first.
      this.#nowMs += Number.isFinite(work.workMs) ? work.workMs : this.#settings.timeoutMs;
      const endMs = this.#nowMs;
      this.#microtasks.push(() => this.#attemptEnded(task, attempt, work.outcome, endMs));
      return;
    }
    const attemptStartMs = this.#nowMs;
    let done = false;
    let job: { server: SharedServer; id: number } | undefined;
    const finish = (status: AttemptStatus, endMs: number) => {
      if (done) return;
      done = true;
      this.#aborts.delete(task.plan.index);
      if (status === 'cancelled') job?.server.remove(this.#nowMs, job.id);
      this.#attemptEnded(task, attempt, status, endMs);
    };
    this.#aborts.set(task.plan.index, () => finish('cancelled', this.#nowMs));
    const dueMs = attemptStartMs + this.#settings.timeoutMs;
    this.#at(dueMs, () => {
      if (done) return;
      job?.server.remove(this.#nowMs, job.id);
      finish('timeout', this.#nowMs - dueMs > LATE_TIMEOUT_NOTE_MS ? dueMs : this.#nowMs);
    });
    if (place === 'elsewhere') {
      if (!Number.isFinite(work.workMs)) return;
      this.#at(attemptStartMs + work.workMs, () => {
        if (done) return;
        this.#nowMs += work.loopMs;
        finish(work.outcome, this.#nowMs);
      });
      return;
    }
    const server = place === 'core' ? this.#cores : this.#pool;
    // A worker stamps its own end; pool work is stamped when the loop runs its callback.
    const id = server.add(attemptStartMs, work.workMs, (doneMs) => this.#at(doneMs, () => finish(work.outcome, place === 'core' ? doneMs : this.#nowMs)));
    job = { server, id };
  }

  #attemptEnded(task: Running, attempt: number, status: AttemptStatus, endMs: number): void {
    if (status === 'ok' || status === 'cancelled' || attempt >= this.#settings.retries) {
      this.#microtasks.push(() => this.#taskEnded(task, status, endMs, attempt + 1));
      return;
    }
    let waiting = true;
    this.#aborts.set(task.plan.index, () => {
      waiting = false;
      this.#aborts.delete(task.plan.index);
      this.#microtasks.push(() => this.#taskEnded(task, 'cancelled', this.#nowMs, attempt + 1));
    });
    this.#at(this.#nowMs + this.#settings.retryDelayMs * 2 ** attempt, () => {
      if (!waiting) return;
      this.#aborts.delete(task.plan.index);
      this.#attempt(task, attempt + 1);
    });
  }

  #taskEnded({ plan, lane, startMs }: Running, status: AttemptStatus, endMs: number, attempts: number): void {
    const error = status === 'ok' ? null : status === 'timeout' ? `timed out after ${this.#settings.timeoutMs} ms` : status === 'cancelled' ? CANCELLED_REASON : 'failed, as in the recorded run';
    this.#records[plan.index] = {
      index: plan.index,
      group: plan.group,
      kind: plan.kind,
      lane,
      queuedMs: 0,
      startMs,
      endMs,
      observedMs: this.#nowMs,
      status,
      orphaned: false,
      error,
      attempts,
    };
    this.#replay.ended(plan.index, lane, status === 'ok');
  }

  #result(): SimulatedRun {
    const wallMs = this.#settledAtMs ?? this.#nowMs;
    const tasks = this.#plans.map((plan): TaskRecord => {
      const record = this.#records[plan.index];
      if (record !== undefined) return { ...record, orphaned: record.endMs > wallMs };
      const status: TaskStatus = 'skipped';
      return { index: plan.index, group: plan.group, kind: plan.kind, lane: 0, queuedMs: 0, startMs: wallMs, endMs: wallMs, observedMs: wallMs, status, orphaned: false, error: SKIPPED_REASON, attempts: 0 };
    });
    return { tasks, wallMs };
  }
}

/** Replays the planned tasks under `settings.strategy`: the engine's scheduling rules over the recorded work. */
export function simulate(plans: readonly TaskPlan[], settings: SimulationSettings): SimulatedRun {
  return new Simulation(plans, settings).run();
}
