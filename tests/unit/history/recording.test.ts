import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyErrorOf, makeMetrics, makeSamples, makeScenario, makeTasks, openTempStore } from './fixtures';

let temp: ReturnType<typeof openTempStore>;
beforeEach(() => {
  temp = openTempStore();
});
afterEach(() => temp.dispose());

describe('recording a run', () => {
  it('starts as running, named after its scenario, with no tasks', () => {
    const id = temp.store.createRun({ scenario: makeScenario(), tags: [' slow ', 'slow', 'pool'] });
    const summary = temp.store.getRunSummary(id);
    expect(summary).toMatchObject({
      id,
      name: 'Timers on a pool',
      scenarioName: 'Timers on a pool',
      strategy: { type: 'pool', concurrency: 2 },
      status: 'running',
      finishedAt: null,
      wallMs: null,
      tasks: 0,
      failures: 0,
      tags: ['slow', 'pool'],
      notes: '',
      experimentId: null,
      error: null,
    });
    expect(Date.parse(summary?.createdAt ?? '')).not.toBeNaN();
  });

  it('keeps tasks of every batch ordered by index and samples by time, and counts failures', () => {
    const id = temp.store.createRun({ scenario: makeScenario(), name: 'Custom name' });
    temp.store.recordStarted(id, { startedAtEpochMs: Date.now(), totalTasks: 30, lanes: 4 });
    const tasks = makeTasks(30);
    const samples = makeSamples(9);
    temp.store.appendBatch(id, { finished: tasks.slice(20).reverse(), samples: samples.slice(6) });
    temp.store.appendBatch(id, { finished: tasks.slice(0, 10), samples: samples.slice(0, 3) });
    temp.store.appendBatch(id, { finished: tasks.slice(10, 20), samples: samples.slice(3, 6) });
    const metrics = makeMetrics(tasks);
    temp.store.finishRun(id, { status: 'completed', metrics });

    const run = temp.store.getRun(id);
    expect(run?.tasks).toEqual(tasks);
    expect(run?.samples).toEqual(samples);
    expect(run?.metrics).toEqual(metrics);
    expect(run?.scenario).toEqual(makeScenario());
    const failures = tasks.filter((t) => ['error', 'timeout', 'cancelled'].includes(t.status)).length;
    expect(failures).toBeGreaterThan(0);
    expect(run).toMatchObject({ name: 'Custom name', status: 'completed', wallMs: 123.5, failures, error: null });
    expect(temp.store.getRunSummary(id)?.tasks).toBe(30);
    expect(run?.finishedAt).not.toBeNull();
  });

  it('records why a run failed', () => {
    const id = temp.store.createRun({ scenario: makeScenario() });
    temp.store.finishRun(id, { status: 'failed', metrics: null, error: 'scratch folder is not writable' });
    expect(temp.store.getRun(id)).toMatchObject({ status: 'failed', metrics: null, wallMs: null, error: 'scratch folder is not writable' });
  });

  it('stores a batch whole or not at all', () => {
    const id = temp.store.createRun({ scenario: makeScenario() });
    temp.store.appendBatch(id, { finished: makeTasks(5), samples: [] });
    const clash = [...makeTasks(5, 5), ...makeTasks(1, 2)];
    expect(() => temp.store.appendBatch(id, { finished: clash, samples: makeSamples(3) })).toThrow();
    const run = temp.store.getRun(id);
    expect(run?.tasks.map((t) => t.index)).toEqual([0, 1, 2, 3, 4]);
    expect(run?.samples).toEqual([]);
    expect(temp.store.getRunSummary(id)?.tasks).toBe(5);
  });

  it('names the run that does not exist, and writes nothing', () => {
    const error = historyErrorOf(() => temp.store.appendBatch(99, { finished: makeTasks(3), samples: [] }));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe('There is no run with id 99.');
    expect(historyErrorOf(() => temp.store.recordStarted(99, { startedAtEpochMs: 1, totalTasks: 1, lanes: 1 })).code).toBe('not-found');
    expect(historyErrorOf(() => temp.store.finishRun(99, { status: 'completed', metrics: null })).code).toBe('not-found');
    expect(temp.store.getRun(99)).toBeNull();
  });

  it('refuses bad run input with every problem listed, and stores nothing', () => {
    const error = historyErrorOf(() =>
      temp.store.createRun({ scenario: { ...makeScenario(), tasks: [] }, name: '   ', tags: [''] }),
    );
    expect(error.code).toBe('invalid');
    expect(error.problems.map((p) => p.path)).toEqual(['scenario.tasks', 'name', 'tags[0]']);
    expect(error.message).toContain('scenario.tasks: must have at least 1 item(s)');
    expect(historyErrorOf(() => temp.store.createRun({ scenario: makeScenario(), experimentId: 7 })).message).toBe(
      'There is no experiment with id 7.',
    );
    expect(temp.store.countRuns()).toBe(0);
  });

  it('leaves a run that this process is still recording alone when marking interrupted runs', () => {
    const id = temp.store.createRun({ scenario: makeScenario() });
    expect(temp.store.markInterruptedRuns()).toBe(0);
    expect(temp.store.getRunSummary(id)?.status).toBe('running');
  });
});
