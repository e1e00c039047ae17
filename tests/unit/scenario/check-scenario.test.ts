import { describe, expect, it } from 'vitest';
import { checkScenario, checkScenarioText } from '../../../shared/scenario';

const valid = {
  version: 1,
  name: 'Sixteen timers, pool of four',
  strategy: { type: 'pool', concurrency: 4 },
  options: { timeoutMs: 10000, retries: 0, threadpoolSize: 4, seed: 1 },
  tasks: [{ kind: 'timer', count: 16, ms: 100 }],
};

function problemsOf(input: unknown): string[] {
  const result = checkScenario(input);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('checkScenario', () => {
  it('accepts the example from the product brief and fills in defaults', () => {
    const result = checkScenario(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.options.retryDelayMs).toBe(100);
    expect(result.scenario.tasks[0]).toMatchObject({ kind: 'timer', failRate: 0, jitterMs: 0 });
  });

  it('fills in every option when options are left out', () => {
    const { options: _options, ...withoutOptions } = valid;
    const result = checkScenario(withoutOptions);
    expect(result.ok && result.scenario.options).toEqual({ timeoutMs: 30000, retries: 0, retryDelayMs: 100, threadpoolSize: 4, seed: 1, trace: 'tasks', traceSliceLimit: 2_000_000 });
  });

  it('names the field, the rule and the value', () => {
    expect(problemsOf({ ...valid, tasks: [{ kind: 'timer', count: -4, ms: 100 }] })).toEqual([
      'tasks[0].count: must be a whole number >= 1, got -4',
    ]);
  });

  it('names a trace mode it does not know, and a slice limit out of range', () => {
    const problems = problemsOf({ ...valid, options: { trace: 'everything', traceSliceLimit: 10 } });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^options\.trace: .*"tasks".*"runtime"/);
    expect(problems[1]).toMatch(/^options\.traceSliceLimit: must be a whole number >= 1000, got 10/);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({
      version: 2,
      name: '',
      strategy: { type: 'pool', concurrency: 0 },
      options: { retries: 1.5 },
      tasks: [{ kind: 'cpu', count: 2, ms: 'slow' }, { kind: 'sleep', count: 1 }],
    });
    expect(problems).toEqual([
      'version: says the scenario was written by a newer Concurrency Explorer (this one reads version 1): update Concurrency Explorer to open it, got 2',
      'name: must not be empty, got ""',
      'strategy.concurrency: must be a whole number >= 1, got 0',
      'options.retries: must be a whole number >= 0, got 1.5',
      'tasks[0].ms: must be a number of milliseconds >= 0, got "slow"',
      'tasks[1].kind: has no valid "kind", got "sleep"',
    ]);
  });

  it('says which required fields are missing', () => {
    expect(problemsOf({ version: 1 })).toEqual(['name: is required', 'strategy: is required', 'tasks: is required']);
  });

  it('refuses unknown fields so that typos do not pass silently', () => {
    expect(problemsOf({ ...valid, tasks: [{ kind: 'timer', count: 1, ms: 1, cuont: 3 }] })).toEqual([
      'tasks[0]: has unknown field "cuont" (did you mean "count"?)',
    ]);
  });

  it('answers an unknown field with the field of that place it was probably meant to be', () => {
    expect(problemsOf({ ...valid, strategy: { type: 'pool', concurency: 4 } })).toContain(
      'strategy: has unknown field "concurency" (did you mean "concurrency"?)',
    );
    expect(problemsOf({ ...valid, tasks: [{ kind: 'timer', count: 1, ms: 1, jiterMs: 3, zzz: 1 }] })).toEqual([
      'tasks[0]: has unknown fields "jiterMs" (did you mean "jitterMs"?), "zzz"',
    ]);
  });

  it('refuses more than ten million tasks in all', () => {
    const tasks = [
      { kind: 'timer', count: 6_000_000, ms: 0 },
      { kind: 'timer', count: 6_000_000, ms: 0 },
    ];
    expect(problemsOf({ ...valid, tasks })).toEqual(['tasks: must add up to at most 10,000,000 tasks, got 12,000,000']);
  });

  it('limits the bytes file tasks may move', () => {
    const tasks = [{ kind: 'file-write', count: 100, bytes: 64 * 1024 * 1024 }];
    expect(problemsOf({ ...valid, tasks })[0]).toMatch(/^tasks: file tasks must move at most/);
  });

  it('accepts only http(s) URLs', () => {
    expect(problemsOf({ ...valid, tasks: [{ kind: 'http', count: 1, url: 'file:///etc/passwd' }] })).toEqual([
      'tasks[0].url: must be an http:// or https:// address, got "file:///etc/passwd"',
    ]);
  });

  it('is never a stack trace for non-objects', () => {
    expect(problemsOf(null)).toEqual(['(root): must be an object, got null']);
    expect(problemsOf([1, 2])).toEqual(['(root): must be an object']);
  });
});

describe('checkScenarioText', () => {
  it('reports a JSON syntax error as a problem', () => {
    const result = checkScenarioText('{ "version": 1, ');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.path).toBe('(root)');
    expect(result.problems[0]?.message).toMatch(/^is not valid JSON: /);
  });

  it('parses valid text', () => {
    expect(checkScenarioText(JSON.stringify(valid)).ok).toBe(true);
  });
});

describe('missing fields', () => {
  it('says "is required" for a missing literal, enum or discriminator', () => {
    expect(problemsOf({ name: 'x', strategy: {}, tasks: [{ count: 1 }] })).toEqual([
      'version: is required',
      'strategy.type: is required',
      'tasks[0].kind: is required',
    ]);
  });
});

describe('scenario text from outside', () => {
  it('accepts a UTF-8 byte-order mark at the start', () => {
    expect(checkScenarioText(`\uFEFF${JSON.stringify(valid)}`).ok).toBe(true);
  });

  it.each([
    [1.5, 'version: must be a whole number (the scenario format version, 1), got 1.5'],
    ['1', 'version: must be a whole number (the scenario format version, 1), got "1"'],
    [0, 'version: must be 1, got 0'],
    [3, 'version: says the scenario was written by a newer Concurrency Explorer (this one reads version 1): update Concurrency Explorer to open it, got 3'],
  ])('says what is wrong with version %j', (version, message) => {
    expect(problemsOf({ ...valid, version })).toEqual([message]);
  });

  it('refuses control characters in names, labels and commands, and keeps line breaks where text has lines', () => {
    const lines = problemsOf({
      ...valid,
      name: 'Just timers\u001b]0;pwned\u0007',
      tasks: [{ kind: 'timer', count: 1, ms: 1, label: 'a\u202eb' }, { kind: 'spawn', count: 1, command: 'sh\u0008', args: ['-c', 'echo a\r\necho b'] }],
    });
    expect(lines.map((l) => l.split(':')[0])).toEqual(['name', 'tasks[0].label', 'tasks[1].command']);
    expect(lines[0]).toContain('must not contain control characters');
    expect(checkScenario({ ...valid, description: 'first line\r\nsecond\tline' }).ok).toBe(true);
  });
});
