import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route } from '../../../../renderer/state/routing/route';

describe('the address of a place in the app', () => {
  const ROUTES: Route[] = [
    { view: 'scenarios' },
    { view: 'workbench', target: { kind: 'preset', presetId: 'pool-vs-unbounded', variantId: 'pool-4' } },
    { view: 'workbench', target: { kind: 'saved', id: 12 } },
    { view: 'workbench', target: { kind: 'new' } },
    { view: 'workbench', target: null },
    { view: 'history', open: null },
    { view: 'history', open: { kind: 'run', id: 7 } },
    { view: 'history', open: { kind: 'experiment', id: 3 } },
    { view: 'compare', ids: [4, 9, 2] },
    { view: 'compare', ids: [] },
  ];

  it('reads back every place it writes', () => {
    for (const route of ROUTES) expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('names places the way a person can read them', () => {
    expect(formatRoute({ view: 'history', open: { kind: 'run', id: 7 } })).toBe('#/history/run/7');
    expect(formatRoute({ view: 'compare', ids: [4, 9] })).toBe('#/compare/4,9');
  });

  it('takes an address that names nothing known as the scenario library, and drops ids that are not ids', () => {
    expect(parseRoute('')).toEqual({ view: 'scenarios' });
    expect(parseRoute('#/nowhere/at/all')).toEqual({ view: 'scenarios' });
    expect(parseRoute('#/history/run/abc')).toEqual({ view: 'history', open: null });
    expect(parseRoute('#/history/run/0')).toEqual({ view: 'history', open: null });
    expect(parseRoute('#/compare/1,x')).toEqual({ view: 'compare', ids: [] });
    expect(parseRoute('#/workbench/saved/-1')).toEqual({ view: 'workbench', target: null });
    expect(parseRoute('#/workbench/preset/%E0%A4%A')).toEqual({ view: 'workbench', target: { kind: 'preset', presetId: '%E0%A4%A', variantId: '' } });
  });
});
