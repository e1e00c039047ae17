import { describe, expect, it } from 'vitest';
import { checkScenario, type Scenario } from '../../../shared/scenario';
import { renderRunText, runsJson, type FinishedRun } from '../../../electron/cli/run/run-report';
import { CliError, describeFailure, UsageError } from '../../../electron/cli/cli-error';
import { HistoryError } from '../../../electron/backend/history';
import { sampleMetrics } from './sample-metrics';
import type { Finding } from '../../../shared/findings';
import { renderFindings } from '../../../electron/cli/format/metrics-text';

function scenario(strategy: unknown): Scenario {
  const check = checkScenario({ version: 1, name: 'Timers', strategy, tasks: [{ kind: 'timer', count: 16, ms: 1 }] });
  if (!check.ok) throw new Error('bad test scenario');
  return check.scenario;
}

const blocked: Finding = {
  id: 'loop-blocked',
  severity: 'problem',
  title: 'The event loop was blocked',
  detail: 'The event loop stalled for up to 300 ms.',
  evidence: { maxLoopDelayMs: 300 },
  suggestion: { label: 'Try workers:4', scenarioPatch: { strategy: { type: 'workers', threads: 4 } } },
};

const runs: FinishedRun[] = [
  {
    scenario: scenario({ type: 'pool', concurrency: 4 }),
    outcome: { key: '7', runId: 7, status: 'completed', metrics: sampleMetrics(100), error: null },
    findings: [blocked],
  },
  { scenario: scenario({ type: 'all' }), outcome: { key: 'x', runId: null, status: 'failed', metrics: null, error: 'boom' }, findings: [] },
];

describe('run report', () => {
  it('notes that a remote host is part of the measurement, and says nothing for loopback requests', () => {
    const withUrl = (url: string): FinishedRun => {
      const check = checkScenario({ version: 1, name: 'API', strategy: { type: 'all' }, tasks: [{ kind: 'http', count: 2, url }] });
      if (!check.ok) throw new Error('bad test scenario');
      return { scenario: check.scenario, outcome: { key: '8', runId: 8, status: 'completed', metrics: sampleMetrics(100), error: null }, findings: [] };
    };
    expect(renderRunText(withUrl('https://api.example.com/users'))).toContain(
      "Note: Requests went to api.example.com: the remote side's behaviour (its load, the network, its rate limits) is part of this measurement.\n",
    );
    expect(renderRunText(withUrl('http://127.0.0.1:8080/'))).not.toContain('Note:');
  });

  it('gives the public JSON shape: id, scenario name, short strategy, status, metrics, findings', () => {
    expect(runsJson(runs)).toEqual([
      { id: 7, scenario: 'Timers', strategy: 'pool:4', runtime: 'node', status: 'completed', metrics: sampleMetrics(100), error: null, findings: [blocked] },
      { id: null, scenario: 'Timers', strategy: 'all', runtime: 'node', status: 'failed', metrics: null, error: 'boom', findings: [] },
    ]);
  });

  it('prints a line naming the run, then its metrics and its findings under them when it has some', () => {
    const text = renderRunText(runs[0]!);
    expect(text).toMatch(/^run 7: Timers \(pool:4 on Node.js\) completed\n/);
    expect(text).toMatch(/^metric\s+#7$/m);
    expect(text).toMatch(/^wall time\s+100\.0 ms$/m);
    expect(text.indexOf('findings:')).toBeGreaterThan(text.indexOf('wall time'));
    expect(text).toContain('  [problem] loop-blocked: The event loop was blocked\n    The event loop stalled for up to 300 ms.\n    suggestion: Try workers:4\n');
    expect(renderRunText(runs[1]!)).toBe('unsaved run: Timers (all on Node.js) failed\n');
  });

  it('says so when a run shows nothing', () => {
    expect(renderFindings([])).toBe('findings: none\n');
  });
});

describe('describeFailure', () => {
  it('maps bad input to exit code 2 and everything else to 1, with the message only', () => {
    expect(describeFailure(UsageError.of('x: bad'))).toEqual({ message: 'x: bad', exitCode: 2 });
    expect(describeFailure(new CliError('broke'))).toEqual({ message: 'broke', exitCode: 1 });
    expect(describeFailure(HistoryError.notFound('run', 3)).exitCode).toBe(2);
    expect(describeFailure(new HistoryError('cannot-open', 'nope')).exitCode).toBe(1);
    expect(describeFailure(new Error('disk on fire'))).toEqual({ message: 'disk on fire', exitCode: 1 });
  });
});
