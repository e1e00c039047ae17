/** A job on a shared server: how much work is left (ms at full speed), and what to do when it is done. */
interface Job {
  remainingMs: number;
  onDone(doneMs: number): void;
}

/** Work left below this is done: floating-point crumbs of a subtraction, not work. */
const DONE_EPSILON_MS = 1e-9;

/**
 * `capacity` threads shared by every job on them (processor sharing): each of `n` jobs runs at
 * `min(1, capacity / n)` of full speed. It stands for the libuv pool (a task's file I/O is several pool
 * requests interleaved with others', so over a task the threads are shared rather than taken in turn) and
 * for CPU cores under worker threads. Equal shares make the makespan of equal jobs the same as a FIFO queue's.
 */
export class SharedServer {
  readonly #capacity: number;
  readonly #jobs = new Map<number, Job>();
  #nextId = 0;
  #atMs = 0;

  constructor(capacity: number) {
    this.#capacity = Math.max(1, capacity);
  }

  #rate(): number {
    return Math.min(1, this.#capacity / Math.max(1, this.#jobs.size));
  }

  #leastRemainingMs(): number {
    let least = Infinity;
    for (const job of this.#jobs.values()) least = Math.min(least, job.remainingMs);
    return least;
  }

  /** When the next job finishes if nothing is added or removed; Infinity when idle. */
  nextDoneMs(): number {
    return this.#jobs.size === 0 ? Infinity : this.#atMs + this.#leastRemainingMs() / this.#rate();
  }

  /** Runs the jobs up to `toMs`, finishing (and reporting) each job whose work ends on the way. */
  advanceTo(toMs: number): void {
    while (this.#jobs.size > 0) {
      const doneMs = this.nextDoneMs();
      const untilMs = Math.min(doneMs, Math.max(toMs, this.#atMs));
      const workedMs = (untilMs - this.#atMs) * this.#rate();
      for (const job of this.#jobs.values()) job.remainingMs -= workedMs;
      this.#atMs = untilMs;
      if (doneMs > toMs) return;
      for (const [id, job] of this.#jobs) {
        if (job.remainingMs > DONE_EPSILON_MS) continue;
        this.#jobs.delete(id);
        job.onDone(doneMs);
      }
    }
    this.#atMs = Math.max(this.#atMs, toMs);
  }

  /** Adds a job at `atMs` (never earlier than the server's own time); returns its id for `remove`. */
  add(atMs: number, workMs: number, onDone: (doneMs: number) => void): number {
    this.advanceTo(atMs);
    const id = this.#nextId;
    this.#nextId += 1;
    this.#jobs.set(id, { remainingMs: Math.max(0, workMs), onDone });
    return id;
  }

  /** Drops a job that was given up (a timeout) at `atMs`. */
  remove(atMs: number, id: number): void {
    this.advanceTo(atMs);
    this.#jobs.delete(id);
  }
}
