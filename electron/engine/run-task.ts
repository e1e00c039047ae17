import type { RunCancel } from './attempts/run-cancel';
import { AttemptRunner, type AttemptPolicy } from './attempts/run-attempts';
import type { Executor } from './executor';
import type { TaskPlan } from './plan/plan-tasks';
import { taskDraws } from '../../shared/random/seeded-random';
import type { RunClock } from './recording/run-clock';
import type { RunRecorder } from './recording/run-recorder';
import { withTask } from './runtime/trace-context';

/** Why a task never started because the run was cancelled. */
export const CANCELLED_BEFORE_START = 'cancelled before it started';

/** Why a task never started because its strategy's scope was aborted by an earlier failure. */
const SCOPE_ABORTED_BEFORE_START = 'never started: the strategy had aborted at an earlier failure';

/** The rejection a strategy sees when a task does not end `ok`. */
export class TaskFailed extends Error {}

export interface TaskRunnerOptions {
  plan: TaskPlan;
  recorder: RunRecorder;
  executor: Executor;
  policy: AttemptPolicy;
  seed: number;
  cancel: RunCancel;
  clock: RunClock;
  /** The run records a runtime trace, which attributes what each attempt sets going to its task. */
  traced: boolean;
}

/** Runs each attempt inside its task's trace context; only a traced run pays for the closure that costs per attempt. */
function attributedToTasks(executor: Executor): Executor {
  return {
    execute: (task, draw, lane, attempt) => withTask(task.index, () => executor.execute(task, draw, lane, attempt)),
    close: () => executor.close(),
  };
}

/**
 * The `runTask(index, lane, scope?)` strategies call: records the start, runs the attempts (timeouts, retries,
 * cancel, and the strategy's own `scope` when it gives one), records the end (when the work ended, and when
 * this continuation heard of it), and rejects when the task did not end `ok`, as the task itself would.
 */
export function taskRunner({ plan, recorder, executor, policy, seed, cancel, clock, traced }: TaskRunnerOptions) {
  const attempts = new AttemptRunner(policy, clock);
  const attemptExecutor = traced ? attributedToTasks(executor) : executor;
  // Chained, not async: a run of 100,000 tiny tasks spends a good part of its time in the engine's own bookkeeping,
  // and an async function costs more per call than one reaction.
  return (index: number, lane: number, scope: RunCancel = cancel): Promise<void> => {
    const task = plan.task(index);
    if (scope.aborted) {
      const [status, reason] = cancel.aborted ? (['cancelled', CANCELLED_BEFORE_START] as const) : (['skipped', SCOPE_ABORTED_BEFORE_START] as const);
      recorder.taskNeverStarted(index, status, reason);
      return Promise.reject(new TaskFailed(reason));
    }
    recorder.taskStarted(index, lane);
    const nextDraw = taskDraws(seed, index, task.spec.failRate);
    return attempts.run((attempt) => attemptExecutor.execute(task, nextDraw(), lane, attempt), scope).then((outcome) => {
      recorder.taskEnded(index, outcome);
      if (outcome.status !== 'ok') throw new TaskFailed(outcome.error ?? outcome.status);
    });
  };
}
