/** Runs jobs on `lanes` lanes: a job starts on the lowest free lane, or waits, first come first served. */
export interface LaneQueue {
  run<T>(job: (lane: number) => Promise<T>): Promise<T>;
}

export function laneQueue(lanes: number): LaneQueue {
  const freeLanes = Array.from({ length: lanes }, (_, i) => lanes - 1 - i);
  const waiting: ((lane: number) => void)[] = [];
  let nextWaiting = 0;

  const release = (lane: number) => {
    const start = waiting[nextWaiting];
    if (start !== undefined) {
      nextWaiting += 1;
      start(lane);
      return;
    }
    freeLanes.push(lane);
    freeLanes.sort((a, b) => b - a);
  };

  return {
    run: (job) =>
      new Promise((resolve, reject) => {
        const start = (lane: number) => {
          job(lane)
            .then(resolve, reject)
            .finally(() => release(lane));
        };
        const lane = freeLanes.pop();
        if (lane === undefined) waiting.push(start);
        else start(lane);
      }),
  };
}
