import { monitorEventLoopDelay, performance, type EventLoopUtilization, type IntervalHistogram } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { SAMPLE_INTERVAL_MS } from '../../../shared/protocol/engine-protocol';
import type { Sample } from '../../../shared/protocol/task-record';
import type { RunClock } from '../recording/run-clock';

const NS_PER_MS = 1e6;
const LOOP_DELAY_RESOLUTION_MS = 10;

/** A running sampler. */
export interface Sampler {
  /**
   * Takes one last sample and stops. It first yields to the event loop once, so that a loop blocked until
   * the very end (CPU work on the loop) still has its delay measured.
   */
  stop(): Promise<void>;
}

/**
 * Starts measuring event-loop delay and lets the monitor take its first readings, so that a task blocking
 * the loop right at the start of the run is measured too. Call it before the clock starts.
 */
export async function armLoopDelayMonitor(): Promise<IntervalHistogram> {
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
  loopDelay.enable();
  await sleep(LOOP_DELAY_RESOLUTION_MS * 2);
  return loopDelay;
}

/**
 * Mean event-loop delay since the previous call. The monitor records the time between its own timer
 * ticks, so the delay is that minus the resolution. The histogram is never reset, because a reset also
 * forgets the previous tick and would drop the very next gap, the one a blocked loop makes.
 */
function loopDelayMeter(loopDelay: IntervalHistogram): () => number {
  let lastCount = 0;
  let lastSumNs = 0;
  return () => {
    const count = loopDelay.count;
    const sumNs = count > 0 ? loopDelay.mean * count : 0;
    const ticks = count - lastCount;
    const meanGapMs = ticks > 0 ? (sumNs - lastSumNs) / ticks / NS_PER_MS : LOOP_DELAY_RESOLUTION_MS;
    lastCount = count;
    lastSumNs = sumNs;
    return Math.max(0, meanGapMs - LOOP_DELAY_RESOLUTION_MS);
  };
}

/**
 * Measures the engine's own process every `SAMPLE_INTERVAL_MS`: tasks in flight, event-loop delay,
 * event-loop utilisation, CPU and memory, each over the interval since the previous sample.
 */
export function startSampler(clock: RunClock, loopDelay: IntervalHistogram, inFlight: () => number, onSample: (sample: Sample) => void): Sampler {
  const meanLoopDelayMs = loopDelayMeter(loopDelay);
  meanLoopDelayMs();
  let lastElu: EventLoopUtilization = performance.eventLoopUtilization();
  let lastCpu = process.cpuUsage();
  let lastMs = clock.now();

  const sample = () => {
    const tMs = clock.now();
    const elu = performance.eventLoopUtilization(lastElu);
    lastElu = performance.eventLoopUtilization();
    const cpu = process.cpuUsage(lastCpu);
    lastCpu = process.cpuUsage();
    const intervalMs = Math.max(tMs - lastMs, 1e-3);
    lastMs = tMs;
    const memory = process.memoryUsage();
    onSample({
      tMs,
      inFlight: inFlight(),
      loopDelayMs: meanLoopDelayMs(),
      elu: Math.min(Math.max(elu.utilization, 0), 1),
      cpuPercent: ((cpu.user + cpu.system) / 1000 / intervalMs) * 100,
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
    });
  };

  const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
  return {
    stop: async () => {
      clearInterval(timer);
      await sleep(LOOP_DELAY_RESOLUTION_MS);
      sample();
      loopDelay.disable();
    },
  };
}
