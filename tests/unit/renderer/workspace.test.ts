/// <reference types="svelte" />
import { describe, expect, it, vi } from 'vitest';
import { ScenarioLibrary } from '../../../renderer/state/library/scenario-library.svelte';
import { Workspace } from '../../../renderer/state/workspace.svelte';
import { findPreset } from '../../../shared/presets';
import type { SavedScenario } from '../../../shared/run/saved-scenario';
import { checkScenario, type ScenarioInput } from '../../../shared/scenario';
import { FakeExplorerApi } from './run/fake-explorer-api';
import { makeMetrics } from '../history/fixtures';

function setup() {
  const api = new FakeExplorerApi();
  const saves: { id?: number; name: string }[] = [];
  api.scenarios.save = async ({ id, name, scenario }: { id?: number; name: string; scenario: ScenarioInput }) => {
    saves.push({ id, name });
    const check = checkScenario(scenario);
    if (!check.ok) throw new Error('invalid');
    return { id: id ?? 41, name, scenario: check.scenario, createdAt: 'now', updatedAt: 'now' } satisfies SavedScenario;
  };
  const workspace = new Workspace(api, new ScenarioLibrary(api), { schedule: (cb) => cb(), now: () => 0 });
  return { api, workspace, saves };
}

const preset = findPreset('all-vs-allsettled')!;

describe('Workspace', () => {
  it('opens a built-in experiment in one of its variants', () => {
    const { workspace } = setup();
    workspace.openPreset(preset, 'allSettled');
    expect(workspace.title).toBe(preset.title);
    expect(workspace.editor.get(['strategy'])).toEqual({ type: 'allSettled' });
    expect(workspace.editor.get(['name'])).toBe('Twenty tasks, some failing — Promise.allSettled');
    expect(workspace.canRun).toBe(true);
  });

  it('heads the workbench with the scenario\'s name once it is edited, and names what an address can reopen', () => {
    const { workspace } = setup();
    workspace.openPreset(preset, 'allSettled');
    expect(workspace.target).toEqual({ kind: 'preset', presetId: 'all-vs-allsettled', variantId: 'allSettled' });
    workspace.editor.set(['name'], 'My variant');
    expect(workspace.title).toBe('My variant');
    workspace.openNew();
    expect(workspace.title).toBe('New scenario');
    workspace.editor.set(['name'], 'Renamed');
    expect(workspace.title).toBe('Renamed');
    expect(workspace.target).toEqual({ kind: 'new' });
  });

  it('refuses Run, by any way of asking, while an experiment runs', async () => {
    const api = new FakeExplorerApi();
    let experimentRunning = true;
    const workspace = new Workspace(api, new ScenarioLibrary(api), { schedule: (cb) => cb(), now: () => 0 }, () => experimentRunning);
    workspace.openPreset(preset);
    expect(workspace.canRun).toBe(false);
    await workspace.run();
    expect(workspace.session).toBeNull();
    experimentRunning = false;
    expect(workspace.canRun).toBe(true);
  });

  it('saves a new scenario under a name, then saves over it', async () => {
    const { workspace, saves } = setup();
    workspace.openPreset(preset);
    expect(await workspace.save('Mine')).toBe(true);
    expect(workspace.origin).toEqual({ kind: 'saved', id: 41, name: 'Mine' });
    expect(workspace.title).toBe('Mine');
    workspace.editor.set(['tasks', 0, 'count'], 5);
    expect(workspace.editor.dirty).toBe(true);
    expect(await workspace.save()).toBe(true);
    expect(workspace.editor.dirty).toBe(false);
    expect(saves).toEqual([{ id: undefined, name: 'Mine' }, { id: 41, name: 'Mine' }]);
  });

  it('refuses to run or save an invalid scenario', async () => {
    const { workspace, api, saves } = setup();
    workspace.editor.set(['tasks', 0, 'count'], 0);
    expect(workspace.canRun).toBe(false);
    await workspace.run();
    expect(await workspace.save('Bad')).toBe(false);
    expect(api.calls).toEqual([]);
    expect(saves).toEqual([]);
  });

  it('runs the scenario into a fresh timeline and keeps the scenario it ran', async () => {
    const { workspace, api } = setup();
    workspace.openPreset(preset);
    await workspace.run();
    expect(api.calls).toEqual(['runs.start']);
    expect(workspace.running).toBe(true);
    expect(workspace.canRun).toBe(false);
    api.emitStarted('run-1', 20);
    api.emitBatch([{ index: 0, group: 0, kind: 'timer', lane: 0, queuedMs: 0, startMs: 0, endMs: 120, observedMs: 120, status: 'ok', orphaned: false, error: null, attempts: 1 }], 1);
    expect(workspace.timeline?.count).toBe(1);
    workspace.editor.set(['name'], 'Changed after the start');
    expect(workspace.runScenario?.name).toBe('Twenty tasks, some failing — Promise.all');
    api.emitFinished('completed');
    expect(workspace.running).toBe(false);
    workspace.openNew();
    expect(workspace.session).toBeNull();
    expect(workspace.timeline).toBeNull();
  });

  it('keeps each variant\'s latest run when the variant changes, and forgets them for another scenario', async () => {
    const { workspace, api } = setup();
    workspace.openPreset(preset, 'all');
    await workspace.run();
    api.emitStarted('run-1', 20);
    api.emitFinished('completed');
    const allSession = workspace.session;
    workspace.openPreset(preset, 'allSettled');
    expect(workspace.session).toBeNull();
    expect(workspace.editor.get(['strategy'])).toEqual({ type: 'allSettled' });
    workspace.openPreset(preset, 'all');
    expect(workspace.session).toBe(allSession);
    expect(workspace.runScenario?.strategy).toEqual({ type: 'all' });
    workspace.openNew();
    workspace.openPreset(preset, 'all');
    expect(workspace.session).toBeNull();
  });

  it("judges a built-in scenario's expectations once two of its variants have run, on the machine the backend reports", async () => {
    const { workspace, api } = setup();
    api.machine = { cpuCount: 2, loadAverage1m: 3.5 };
    const lesson = findPreset('sequential-vs-all')!;
    const metrics = (wallMs: number, maxInFlight: number) => ({ ...makeMetrics([]), wallMs, maxInFlight });
    workspace.openPreset(lesson, 'sequential');
    await workspace.run();
    api.emitStarted('run-1', 10);
    api.emitFinished('completed', 'run-1', metrics(1000, 1));
    expect(workspace.expectations).toEqual([]);
    workspace.openPreset(lesson, 'all');
    await workspace.run();
    api.emitStarted('run-1', 10);
    // Promise.all came out slower than expected: the busy machine is the likely reason.
    api.emitFinished('completed', 'run-1', metrics(500, 10));
    await vi.waitFor(() => expect(workspace.expectations[0]?.reason).toBe('busy-machine'));
    expect(workspace.expectations.map((v) => v.sentence)).toEqual([
      'Not as expected: sequential took 2.0x Promise.all (expected >= 3.0x).',
      'As expected: sequential: peak in flight 1 (expected <= 1).',
      'As expected: Promise.all: peak in flight 10 (expected >= 10).',
    ]);
    expect(workspace.expectations[0]?.reasonText).toBe('the machine is busy: load average 3.5 over its 2 cores');
  });

  it("has a finished run's findings from the backend, by its id", async () => {
    const { workspace, api } = setup();
    api.findings = [{ id: 'loop-blocked', severity: 'problem', title: 'The event loop was blocked', detail: 'd', evidence: { maxLoopDelayMs: 400 } }];
    workspace.openPreset(preset);
    await workspace.run();
    expect(workspace.session?.findings).toBeNull();
    api.emitStarted('run-1', 20);
    api.emitFinished('completed', 'run-1', makeMetrics([]));
    await vi.waitFor(() => expect(workspace.session?.findings).toEqual(api.findings));
    expect(api.calls).toContain('history.findings 7');
  });

  it('does not open another variant while the shown one runs', async () => {
    const { workspace } = setup();
    workspace.openPreset(preset, 'all');
    await workspace.run();
    workspace.openPreset(preset, 'allSettled');
    expect(workspace.origin).toMatchObject({ kind: 'preset', variantId: 'all' });
    expect(workspace.editor.get(['strategy'])).toEqual({ type: 'all' });
  });
});

describe('Workspace consent for foreign scenarios that execute code', () => {
  const spawning = { version: 1, name: 'Just timers', strategy: { type: 'sequential' }, tasks: [{ kind: 'spawn', count: 1, command: 'sh', args: ['-c', 'echo hi'] }] };

  it('asks before the first run of a file, runs nothing on Cancel, remembers Run for that content', async () => {
    const { api, workspace } = setup();
    workspace.openFile({ fileName: 'timers.json', text: JSON.stringify(spawning) });
    const first = workspace.run();
    await vi.waitFor(() => expect(workspace.consent.request).not.toBeNull());
    expect(workspace.consent.request?.effects).toEqual([{ group: 0, kind: 'command', text: "sh -c 'echo hi'" }]);
    workspace.consent.answer(false);
    await first;
    expect(api.calls).not.toContain('runs.start');

    const second = workspace.run();
    await vi.waitFor(() => expect(workspace.consent.request).not.toBeNull());
    workspace.consent.answer(true);
    await second;
    expect(api.calls.filter((c) => c === 'runs.start')).toHaveLength(1);
    expect(api.calls).toContain('consent.grant');

    api.emitFinished('completed');
    await vi.waitFor(() => expect(workspace.running).toBe(false));
    workspace.editor.set(['tasks', 0, 'args', 1], 'echo changed');
    const edited = workspace.run();
    await vi.waitFor(() => expect(workspace.consent.request?.effects[0]?.text).toBe("sh -c 'echo changed'"));
    workspace.consent.answer(false);
    await edited;
  });

  it("runs a file's own module with consent, from the file's folder when the host knows it", async () => {
    const own = { version: 1, name: 'Own', strategy: { type: 'all' }, tasks: [{ kind: 'module', count: 1, path: './task.mjs' }] };
    const { api, workspace } = setup();
    workspace.openFile({ fileName: 'own.json', text: JSON.stringify(own), folder: '/home/me/scenarios' });
    const run = workspace.run();
    await vi.waitFor(() => expect(workspace.consent.request?.effects).toEqual([{ group: 0, kind: 'module', text: './task.mjs' }]));
    workspace.consent.answer(true);
    await run;
    expect(api.startOptions).toEqual([{ scenarioDir: '/home/me/scenarios' }]);
  });

  it("runs a run again from the folder the history recorded for it, and without one when it has none", async () => {
    const own = { version: 1, name: 'Own', strategy: { type: 'all' }, tasks: [{ kind: 'module', count: 1, path: './task.mjs' }] };
    const { api, workspace } = setup();
    const check = checkScenario(own);
    if (!check.ok) throw new Error('invalid');
    workspace.openRerun(7, check.scenario, '/home/me/scenarios');
    expect(workspace.scenarioDir).toBe('/home/me/scenarios');
    const again = workspace.run();
    await vi.waitFor(() => expect(workspace.consent.request).not.toBeNull());
    workspace.consent.answer(true);
    await again;
    expect(api.startOptions).toEqual([{ scenarioDir: '/home/me/scenarios' }]);
    api.emitFinished('completed');
    await vi.waitFor(() => expect(workspace.running).toBe(false));
    workspace.openRerun(8, check.scenario, null);
    expect(workspace.scenarioDir).toBeUndefined();
  });

  it('never asks for a scenario written in the app or a built-in', async () => {
    const { api, workspace } = setup();
    workspace.openNew(spawning as ScenarioInput);
    await workspace.run();
    expect(api.calls).toEqual(['runs.start']);
  });
});
