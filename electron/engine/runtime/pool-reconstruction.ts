/** A pool request whose start and thread have been reconstructed. */
export interface PlacedRequest {
  submitMs: number;
  startMs: number;
  endMs: number;
  lane: number;
  typeCode: number;
  task: number;
}

interface PendingRequest {
  submitMs: number;
  endMs: number;
  typeCode: number;
  task: number;
}

/**
 * Reconstructs what the libuv thread pool did from what the loop sees: when each request was submitted
 * (its async resource was created) and when it completed (its callback ran). libuv hands requests to its
 * threads in FIFO order, so, in submission order, each request goes to the thread freed earliest and
 * starts when that thread is free (or when it was submitted, if later). Completion times are those the loop
 * saw, so a blocked loop makes threads look busy longer than they were: this is the pool as seen by the loop.
 * A request is placed once every request submitted before it has completed.
 */
export class PoolReconstruction {
  readonly #freeAtMs: Float64Array;
  readonly #queue: (PendingRequest | undefined)[] = [];
  #head = 0;
  readonly #byId = new Map<number, PendingRequest>();

  readonly #place: (request: PlacedRequest) => void;

  constructor(threads: number, place: (request: PlacedRequest) => void) {
    this.#place = place;
    this.#freeAtMs = new Float64Array(Math.max(1, threads));
  }

  /** A request was handed to the pool now. */
  submitted(asyncId: number, submitMs: number, typeCode: number, task: number): void {
    const request: PendingRequest = { submitMs, endMs: -1, typeCode, task };
    this.#byId.set(asyncId, request);
    this.#queue.push(request);
  }

  /** The request's callback runs now; true when `asyncId` is a pool request this reconstruction knows. */
  completed(asyncId: number, endMs: number): boolean {
    const request = this.#byId.get(asyncId);
    if (request === undefined) return false;
    this.#byId.delete(asyncId);
    if (request.endMs < 0) request.endMs = endMs;
    this.#placeCompleted();
    return true;
  }

  /** Places every request left, those that never completed as ending at `nowMs`. */
  flush(nowMs: number): void {
    for (let i = this.#head; i < this.#queue.length; i++) {
      const request = this.#queue[i]!;
      if (request.endMs < 0) request.endMs = Math.max(nowMs, request.submitMs);
    }
    this.#byId.clear();
    this.#placeCompleted();
  }

  #placeCompleted(): void {
    while (this.#head < this.#queue.length && this.#queue[this.#head]!.endMs >= 0) {
      const request = this.#queue[this.#head]!;
      this.#queue[this.#head] = undefined;
      this.#head += 1;
      const lane = this.#earliestFreeLane();
      const startMs = Math.min(Math.max(request.submitMs, this.#freeAtMs[lane]!), request.endMs);
      this.#freeAtMs[lane] = request.endMs;
      this.#place({ submitMs: request.submitMs, startMs, endMs: request.endMs, lane, typeCode: request.typeCode, task: request.task });
    }
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue.splice(0, this.#head);
      this.#head = 0;
    }
  }

  #earliestFreeLane(): number {
    let lane = 0;
    for (let i = 1; i < this.#freeAtMs.length; i++) if (this.#freeAtMs[i]! < this.#freeAtMs[lane]!) lane = i;
    return lane;
  }
}
