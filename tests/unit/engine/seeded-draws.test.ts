import { describe, expect, it } from 'vitest';
import { taskDraws } from '../../../shared/random/seeded-random';
import { parseTargetQuery, targetUrl } from '../../../electron/engine/target-server/target-query';

const limits = { maxMs: 10_000, maxBytes: 1_000 };

describe('taskDraws', () => {
  it('gives a task the same draws for the same seed, whatever else ran before', () => {
    const first = taskDraws(42, 7, 0.5);
    const [a1, a2] = [first(), first()];
    taskDraws(42, 3, 0.5)();
    const again = taskDraws(42, 7, 0.5);
    expect([again(), again()]).toEqual([a1, a2]);
    expect(taskDraws(43, 7, 0.5)()).not.toEqual(a1);
  });

  it('injects failures at about the failure rate', () => {
    let failures = 0;
    for (let index = 0; index < 2_000; index += 1) if (taskDraws(1, index, 0.25)().failInjected) failures += 1;
    expect(failures / 2_000).toBeGreaterThan(0.2);
    expect(failures / 2_000).toBeLessThan(0.3);
  });
});

describe('target query', () => {
  it('reads back what the URL asks for', () => {
    const query = { latencyMs: 50, jitterMs: 5, bytes: 100, failRate: 0.25, seed: 12345 };
    const url = new URL(targetUrl('http://127.0.0.1:1', query));
    expect(parseTargetQuery(url.search, limits)).toEqual(query);
  });

  it('names a bad parameter', () => {
    expect(() => parseTargetQuery('?latencyMs=-1', limits)).toThrow('query parameter latencyMs must be a number from 0 to 10000, got "-1"');
    expect(() => parseTargetQuery('?bytes=lots', limits)).toThrow(/bytes/);
  });
});
