import { performance } from 'node:perf_hooks';
import { TRACK_CODE } from '../../../shared/runtime/runtime-slices';
import type { Scenario } from '../../../shared/scenario';
import type { RunClock } from '../recording/run-clock';
import { startTrace } from './trace-context';

export { clearTrace, stopTrace, takeSlices } from './trace-context';

/**
 * Starts the engine's runtime trace if the scenario asks for one (`trace: "runtime"`): its own loop and the
 * libuv pool, on the run's clock. Returns whether it did.
 */
export function startRuntimeTrace(scenario: Scenario, clock: RunClock): boolean {
  if (scenario.options.trace !== 'runtime') return false;
  const originEpochMs = performance.timeOrigin + performance.now() - clock.now();
  startTrace({ track: TRACK_CODE.loop, lane: 0, threadpoolSize: scenario.options.threadpoolSize, sliceLimit: scenario.options.traceSliceLimit, originEpochMs });
  return true;
}
