/** What chance decided for one attempt of a task, drawn from the run's seed. */
export interface AttemptDraw {
  /** 1 for the first attempt, 2 for the first retry, ... */
  attempt: number;
  /** The attempt fails on purpose (`failRate`). */
  failInjected: boolean;
  /** 0..1: the share of `jitterMs` this attempt adds. */
  jitter: number;
  /** A seed for anything else the attempt randomises (the built-in HTTP target uses it). */
  seed: number;
}

/** mulberry32: a tiny, well-mixed 32-bit PRNG; the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The draws of one task, attempt after attempt. Each task has its own stream (seeded from the run's
 * seed and the task's index), so a task's fate does not depend on how the strategy orders the others.
 */
export function taskDraws(runSeed: number, taskIndex: number, failRate: number): () => AttemptDraw {
  const random = mulberry32(Math.imul(runSeed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(taskIndex + 1, 0x85ebca6b));
  let attempt = 0;
  return () => ({
    attempt: (attempt += 1),
    failInjected: random() < failRate,
    jitter: random(),
    seed: Math.floor(random() * 4294967296),
  });
}
