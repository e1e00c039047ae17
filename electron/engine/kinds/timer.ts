import type { KindCall, SpecOf } from './kind-call';

/**
 * Waits `ms` plus this attempt's share of `jitterMs`, then calls `elapsed`: the one kind that is only a sleep. On
 * abort it stops the timer and says nothing: the attempt has already ended. A callback rather than a promise, so
 * that its end is stamped in the timer's own callback (the commonest tiny task).
 */
export function runTimer(spec: SpecOf<'timer'>, call: KindCall, elapsed: () => void): void {
  const timer = setTimeout(elapsed, spec.ms + call.draw.jitter * spec.jitterMs);
  call.abort.onAbort(() => clearTimeout(timer));
}
