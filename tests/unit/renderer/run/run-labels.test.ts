import { describe, expect, it } from 'vitest';
import { progressFigures } from '../../../../renderer/state/run/run-progress';
import { checkScenario, laneLabeller, type Scenario } from '../../../../shared/scenario';
import { groupLabels } from '../../../../renderer/views/run/lane-labels';
import { progressText } from '../../../../renderer/views/run/run-labels';

function scenario(input: unknown): Scenario {
  const check = checkScenario(input);
  if (!check.ok) throw new Error('test scenario is invalid');
  return check.scenario;
}

describe('run labels', () => {
  it('says done/total, elapsed and the time left', () => {
    expect(progressText(progressFigures(3, 12, 1500))).toBe('3 / 12 tasks · 1.50 s elapsed · about 4.50 s left');
    expect(progressText(progressFigures(0, 12, 200))).toBe('0 / 12 tasks · 200 ms elapsed');
    expect(progressText(progressFigures(12, 12, 2000))).toBe('12 / 12 tasks · 2.00 s elapsed');
  });

  it('says how much of a cancelled run was done and cancelled, and ends with the summary\'s wall time', () => {
    const figures = progressFigures(24, 200, 1500, 176, 1100);
    expect(progressText(figures)).toBe('24 of 200 done, 176 cancelled · wall time 1.10 s');
    expect(figures.fraction).toBe(0.12);
    expect(figures.etaMs).toBeNull();
    expect(progressText(progressFigures(12, 12, 2000, 0, 1800))).toBe('12 / 12 tasks · wall time 1.80 s');
  });

  it('names timeline rows after what they are for the strategy', () => {
    expect(laneLabeller({ type: 'pool', concurrency: 4 })(0)).toBe('Slot 1');
    expect(laneLabeller({ type: 'workers', threads: 2 })(1)).toBe('Worker 2');
    expect(laneLabeller({ type: 'sequential' })(0)).toBe('Main loop');
    expect(laneLabeller({ type: 'all' })(9)).toBe('Task #9');
  });

  it('names task groups by their label, else by number and kind', () => {
    const s = scenario({
      version: 1,
      name: 's',
      strategy: { type: 'all' },
      tasks: [{ kind: 'timer', count: 1, ms: 1, label: 'waits' }, { kind: 'http', count: 1 }],
    });
    expect(groupLabels(s)).toEqual(['waits', '2. HTTP request']);
  });
});
