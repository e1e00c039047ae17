import type { Sample } from '../../../shared/protocol/task-record';
import { ensureLength } from '../../../shared/arrays/ensure-length';
import { lowerBound } from './lower-bound';

/** The event-loop delay samples of a run, in time order, in typed arrays. */
export class SampleSeries {
  #count = 0;
  #timeMs = new Float64Array(256);
  #loopDelayMs = new Float64Array(256);

  get count(): number {
    return this.#count;
  }

  /** Sample times (ms from run start); valid in `[0, count)`. Replaced when the series grows. */
  get timeMs(): Float64Array {
    return this.#timeMs;
  }

  /** Event-loop delay of each sample (ms); valid in `[0, count)`. */
  get loopDelayMs(): Float64Array {
    return this.#loopDelayMs;
  }

  get lastTimeMs(): number {
    return this.#count > 0 ? this.#timeMs[this.#count - 1]! : 0;
  }

  /** Appends samples; throws (appending nothing) when one has a time or delay that is not a number >= 0. */
  append(samples: readonly Sample[]): void {
    samples.forEach((sample, i) => {
      for (const field of ['tMs', 'loopDelayMs'] as const) {
        const value = sample[field];
        if (!Number.isFinite(value) || value < 0) {
          throw new RangeError(`samples[${i}].${field}: must be a finite number >= 0, got ${String(value)}`);
        }
      }
    });
    const total = this.#count + samples.length;
    this.#timeMs = ensureLength(this.#timeMs, total);
    this.#loopDelayMs = ensureLength(this.#loopDelayMs, total);
    let ordered = true;
    for (const sample of samples) {
      if (this.#count > 0 && sample.tMs < this.#timeMs[this.#count - 1]!) ordered = false;
      this.#timeMs[this.#count] = sample.tMs;
      this.#loopDelayMs[this.#count] = sample.loopDelayMs;
      this.#count++;
    }
    if (!ordered) this.#sortByTime();
  }

  /** Position of the first sample at or after `timeMs`. */
  firstAtOrAfter(timeMs: number): number {
    const times = this.#timeMs;
    return lowerBound(this.#count, (i) => times[i]!, timeMs);
  }

  #sortByTime(): void {
    const order = Array.from({ length: this.#count }, (_, i) => i);
    const times = this.#timeMs.slice(0, this.#count);
    const delays = this.#loopDelayMs.slice(0, this.#count);
    order.sort((a, b) => times[a]! - times[b]!);
    order.forEach((from, to) => {
      this.#timeMs[to] = times[from]!;
      this.#loopDelayMs[to] = delays[from]!;
    });
  }
}
