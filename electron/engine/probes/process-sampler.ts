import { monitorEventLoopDelay, performance, type EventLoopUtilization, type IntervalHistogram } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { SAMPLE_INTERVAL_MS } from '../../../shared/protocol/engine-protocol';
import type { Sample } from '../../../shared/protocol/task-record';
import type { LoopDelaySummary } from '../../../shared/metrics/compute-metrics';
import type { RunClock } from '../recording/run-clock';

const NS_PER_MS = 1e6;
const LOOP_DELAY_RESOLUTION_MS = 10;

/** A running sampler. */
export interface Sampler {
  /**
   * Takes one last sample and stops. It first yields to the event loop once, so that a loop blocked until
   * the very end (CPU work on the loop) still has its delay measured.
   */
  stop(): Promise<LoopDelaySummary>;
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

/** A gap between the monitor's ticks as a delay: the monitor ticks every resolution, so that much is no delay. */
function delayOfGapNs(gapNs: number): number {
  return Math.max(0, gapNs / NS_PER_MS - LOOP_DELAY_RESOLUTION_MS);
}

/**
 * The longest event-loop delay since the previous call. The histogram is never reset, because a reset also
 * forgets the previous tick and would drop the very next gap, the one a blocked loop makes. So the interval's
 * longest delay is the histogram's new max when the max grew in the interval, and at least how late this
 * sampler's own timer fired (`lateMs`), which a block in the interval delays just the same.
 */
function loopDelayMeter(loopDelay: IntervalHistogram): (lateMs: number) => number {
  let lastMaxNs = 0;
  return (lateMs) => {
    const maxNs = loopDelay.count > 0 ? loopDelay.max : 0;
    const grew = maxNs > lastMaxNs;
    lastMaxNs = maxNs;
    return Math.max(grew ? delayOfGapNs(maxNs) : 0, lateMs);
  };
}

/** p50/p99/max of every gap the monitor saw over the whole run: a loop blocked for 800 ms has a max of about 800. */
function loopDelaySummary(loopDelay: IntervalHistogram): LoopDelaySummary {
  if (loopDelay.count === 0) return { p50: 0, p99: 0, max: 0 };
  return { p50: delayOfGapNs(loopDelay.percentile(50)), p99: delayOfGapNs(loopDelay.percentile(99)), max: delayOfGapNs(loopDelay.max) };
}

/**
 * Measures the engine's own process every `SAMPLE_INTERVAL_MS`: tasks in flight, the longest event-loop
 * delay, event-loop utilisation, CPU and memory, each over the interval since the previous sample. `stop`
 * gives the delay histogram's summary over the whole run.
 */
export function startSampler(clock: RunClock, loopDelay: IntervalHistogram, inFlight: () => number, onSample: (sample: Sample) => void): Sampler {
  const maxLoopDelayMs = loopDelayMeter(loopDelay);
  maxLoopDelayMs(0);
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
    const lateMs = Math.max(0, intervalMs - SAMPLE_INTERVAL_MS);
    lastMs = tMs;
    const memory = process.memoryUsage();
    onSample({
      tMs,
      inFlight: inFlight(),
      loopDelayMs: maxLoopDelayMs(lateMs),
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
      return loopDelaySummary(loopDelay);
    },
  };
}
