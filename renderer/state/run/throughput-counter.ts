import type { TaskRecord } from '../../../shared/protocol/task-record';

/** Width of one throughput bucket. */
export const THROUGHPUT_BUCKET_MS = 250;

/** Counts finished tasks per time bucket as they arrive, so the live chart never rescans every task. */
export class ThroughputCounter {
  readonly #buckets: number[] = [];
  #count = 0;
  #lastEndMs = 0;

  /** Cancelled and skipped tasks did not finish their work, so they are not throughput. */
  add(tasks: readonly TaskRecord[]): void {
    for (const task of tasks) {
      if (task.status === 'cancelled' || task.status === 'skipped') continue;
      this.#count++;
      this.#lastEndMs = Math.max(this.#lastEndMs, task.endMs);
      const bucket = Math.floor(task.endMs / THROUGHPUT_BUCKET_MS);
      while (this.#buckets.length <= bucket) this.#buckets.push(0);
      this.#buckets[bucket] = (this.#buckets[bucket] ?? 0) + 1;
    }
  }

  /** Tasks finished per second in each bucket: `{ tMs, perSec }` at the bucket's end (the last one ends with the last task). */
  series(): { tMs: number; perSec: number }[] {
    return this.#buckets.map((n, i) => ({ tMs: Math.min((i + 1) * THROUGHPUT_BUCKET_MS, this.#lastEndMs), perSec: (n * 1000) / THROUGHPUT_BUCKET_MS }));
  }

  /** Tasks finished per second since the start, the way the run summary counts its throughput. */
  meanPerSec(untilMs: number): number {
    return untilMs > 0 ? (this.#count * 1000) / untilMs : 0;
  }
}
