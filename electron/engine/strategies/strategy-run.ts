import type { RunCancel } from '../attempts/run-cancel';

/** What a strategy needs: how many tasks, and how to run one (rejects when the task does not end `ok`). */
export interface StrategyContext {
  count: number;
  /** Runs task `index` on `lane`; with a `scope`, aborting the scope stops the task (it ends `cancelled`). */
  runTask(index: number, lane: number, scope?: RunCancel): Promise<void>;
  /** A cancel scope inside the run's Cancel: the `AbortController` of a strategy that stops its own tasks. */
  cancelScope(): RunCancel;
}

/**
 * A strategy at work. `settled`: the strategy has its result (fulfilled or rejected, as the plain code it
 * stands for would). `drained`: every task it started has ended, orphans included; never rejects.
 */
export interface StrategyRun {
  settled: Promise<unknown>;
  drained: Promise<unknown>;
}

/** Runs the tasks with a strategy. Each strategy is written as the plain code it stands for. */
export type Strategy = (context: StrategyContext) => StrategyRun;

/** Does nothing: for outcomes a strategy has already recorded elsewhere. */
export function ignore(): void {}

/** Starts every task at once, each on its own lane. */
export function startAll({ count, runTask }: StrategyContext): Promise<void>[] {
  return Array.from({ length: count }, (_, index) => runTask(index, index));
}
