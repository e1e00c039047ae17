import type { KindCall, SpecOf } from './kind-call';

/** Waits `ms` plus this attempt's share of `jitterMs`: the one kind that is only a sleep. */
export function runTimer(spec: SpecOf<'timer'>, call: KindCall): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, spec.ms + call.draw.jitter * spec.jitterMs);
    call.abort.onAbort((reason) => {
      clearTimeout(timer);
      reject(reason);
    });
  });
}
