import { describe, expect, it } from 'vitest';
import { laneQueue } from '../../../electron/engine/strategies/bounded';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('laneQueue', () => {
  it('runs at most `lanes` jobs at once, first come first served, on the lowest free lane', async () => {
    const queue = laneQueue(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: [job: number, lane: number][] = [];
    const jobs = gates.map((gate, job) =>
      queue.run(async (lane) => {
        started.push([job, lane]);
        await gate.promise;
        return job;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([[0, 0], [1, 1]]);
    gates[1]?.resolve();
    await jobs[1];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([[0, 0], [1, 1], [2, 1]]);
    gates[0]?.resolve();
    gates[2]?.resolve();
    gates[3]?.resolve();
    expect(await Promise.all(jobs)).toEqual([0, 1, 2, 3]);
    expect(started[3]).toEqual([3, 0]);
  });

  it('passes a job failure to its caller and frees the lane', async () => {
    const queue = laneQueue(1);
    await expect(queue.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run(async (lane) => lane)).resolves.toBe(0);
  });
});
