import { blockingWork } from '../runtime/trace-context';
import type { KindCall, SpecOf } from './kind-call';

/**
 * Keeps the running thread busy for about `ms`. Deliberately one uninterrupted loop: on the event loop it
 * blocks everything else (timers, I/O callbacks, even Cancel), which is what this kind exists to show.
 */
export function runCpu(spec: SpecOf<'cpu'>, _call: KindCall): void {
  blockingWork(() => {
    const end = performance.now() + spec.ms;
    while (performance.now() < end);
  });
}
