/** Something that happens at `dueMs`: a timer firing, an I/O callback, a thread's work coming back. */
export interface DueEvent {
  dueMs: number;
  run(): void;
}

interface Queued extends DueEvent {
  /** Order of scheduling: events due at the same time run in the order they were scheduled, as Node's timers do. */
  seq: number;
}

function before(a: Queued, b: Queued): boolean {
  return a.dueMs < b.dueMs || (a.dueMs === b.dueMs && a.seq < b.seq);
}

/** The replay's pending events, earliest first (a binary heap: a run may hold a million tasks). */
export class EventQueue {
  readonly #heap: Queued[] = [];
  #seq = 0;

  /** When the earliest event is due; Infinity when none is. */
  nextDueMs(): number {
    return this.#heap[0]?.dueMs ?? Infinity;
  }

  push(dueMs: number, run: () => void): void {
    const heap = this.#heap;
    heap.push({ dueMs, run, seq: this.#seq });
    this.#seq += 1;
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  pop(): DueEvent | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && before(heap[left]!, heap[least]!)) least = left;
      if (right < heap.length && before(heap[right]!, heap[least]!)) least = right;
      if (least === i) return top;
      [heap[i], heap[least]] = [heap[least]!, heap[i]!];
      i = least;
    }
  }
}
