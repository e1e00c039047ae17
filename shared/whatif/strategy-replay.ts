import type { Strategy } from '../scenario';

/** What a replayed strategy can do: start a task on a lane, and settle (have its result). */
export interface ReplayControl {
  readonly count: number;
  start(index: number, lane: number): void;
  /** The strategy has its result now; later calls are ignored, as a settled promise ignores them. */
  settle(): void;
  /** Aborts every task still running (`structured`'s AbortController): each ends `cancelled` now. */
  cancelRunning(): void;
}

/** A strategy as the replay runs it: what it starts first, and what it does when it hears a task ended. */
export interface StrategyReplay {
  begin(): void;
  ended(index: number, lane: number, ok: boolean): void;
}

/*
 * Each replay follows the engine's strategy of the same name (electron/engine/strategies), which is written as
 * the plain code it stands for; orphans are tasks that end after `settle`, skipped ones are never started.
 */

/** Every task at once; settles at the first failure (`structured` also cancels the rest), at the first end (`race`), first success (`any`), or when all ended. */
function allAtOnce(control: ReplayControl, settlesOn: 'fail-fast' | 'fail-fast-cancel' | 'all-ended' | 'first-end' | 'first-ok'): StrategyReplay {
  let ended = 0;
  return {
    begin: () => {
      for (let index = 0; index < control.count; index += 1) control.start(index, index);
    },
    ended: (_index, _lane, ok) => {
      ended += 1;
      const settles =
        ended === control.count ||
        settlesOn === 'first-end' ||
        ((settlesOn === 'fail-fast' || settlesOn === 'fail-fast-cancel') && !ok) ||
        (settlesOn === 'first-ok' && ok);
      if (settles) control.settle();
      if (settlesOn === 'fail-fast-cancel' && !ok) control.cancelRunning();
    },
  };
}

/** `for (const task of tasks) await task()`: the first failure ends the loop. */
function sequential(control: ReplayControl): StrategyReplay {
  return {
    begin: () => {
      if (control.count > 0) control.start(0, 0);
    },
    ended: (index, _lane, ok) => {
      if (ok && index + 1 < control.count) control.start(index + 1, 0);
      else control.settle();
    },
  };
}

/** Worker loops under `Promise.all`: a failure ends its slot and rejects at once; the other slots carry on. */
function workerLoops(control: ReplayControl, concurrency: number): StrategyReplay {
  let next = 0;
  let slotsLeft = Math.min(concurrency, control.count);
  const takeNext = (lane: number) => {
    if (next < control.count) {
      next += 1;
      control.start(next - 1, lane);
      return;
    }
    slotsLeft -= 1;
    if (slotsLeft === 0) control.settle();
  };
  return {
    begin: () => {
      const slots = slotsLeft;
      if (slots === 0) control.settle();
      for (let lane = 0; lane < slots; lane += 1) takeNext(lane);
    },
    ended: (_index, lane, ok) => {
      if (ok) {
        takeNext(lane);
        return;
      }
      slotsLeft -= 1;
      control.settle();
    },
  };
}

/** Every task queued at once on `lanes` lanes (p-limit, a worker pool): each starts on the lowest free lane, in order. */
function laneQueue(control: ReplayControl, lanes: number, failFast: boolean): StrategyReplay {
  let next = 0;
  let ended = 0;
  const startNext = (lane: number) => {
    if (next >= control.count) return;
    next += 1;
    control.start(next - 1, lane);
  };
  return {
    begin: () => {
      for (let lane = 0; lane < Math.max(1, Math.min(lanes, control.count)); lane += 1) startNext(lane);
      if (control.count === 0) control.settle();
    },
    ended: (_index, lane, ok) => {
      ended += 1;
      if ((failFast && !ok) || ended === control.count) control.settle();
      startNext(lane);
    },
  };
}

/** `await Promise.all(batch)` batch after batch: a failure rejects its batch and ends the loop. */
function batches(control: ReplayControl, size: number): StrategyReplay {
  let first = 0;
  let pending = 0;
  let stopped = false;
  const startBatch = () => {
    const last = Math.min(first + size, control.count);
    pending = last - first;
    for (let index = first; index < last; index += 1) control.start(index, index - first);
    first = last;
  };
  return {
    begin: () => (control.count > 0 ? startBatch() : control.settle()),
    ended: (_index, _lane, ok) => {
      if (stopped) return;
      if (!ok) {
        stopped = true;
        control.settle();
        return;
      }
      pending -= 1;
      if (pending > 0) return;
      if (first < control.count) startBatch();
      else control.settle();
    },
  };
}

/** The replay of `strategy`, with the same rules for failures, orphans and skipped tasks as the engine's. */
export function strategyReplay(strategy: Strategy, control: ReplayControl): StrategyReplay {
  switch (strategy.type) {
    case 'sequential':
      return sequential(control);
    case 'all':
    case 'callbacks':
      return allAtOnce(control, 'fail-fast');
    case 'structured':
      return allAtOnce(control, 'fail-fast-cancel');
    case 'allSettled':
      return allAtOnce(control, 'all-ended');
    case 'race':
      return allAtOnce(control, 'first-end');
    case 'any':
      return allAtOnce(control, 'first-ok');
    case 'pool':
      if (strategy.onFailure === 'reject') return laneQueue(control, strategy.concurrency, true);
      if (strategy.onFailure === 'continue') return laneQueue(control, strategy.concurrency, false);
      return workerLoops(control, strategy.concurrency);
    case 'batch':
      return batches(control, strategy.size);
    case 'workers':
      return laneQueue(control, strategy.threads, true);
  }
}
