import { setTimeout as sleep } from 'node:timers/promises';
import type { KindCall, SpecOf } from './kind-call';

/** Waits `ms` plus this attempt's share of `jitterMs`: the one kind that is only a sleep. */
export async function runTimer(spec: SpecOf<'timer'>, call: KindCall): Promise<void> {
  await sleep(spec.ms + call.draw.jitter * spec.jitterMs, undefined, { signal: call.signal });
}
