/// <reference types="svelte" />
import { describe, expect, it } from 'vitest';
import { ScenarioEditor } from '../../../../renderer/state/editor/scenario-editor.svelte';
import type { ScenarioInput } from '../../../../shared/scenario';

const BASE: ScenarioInput = {
  version: 1,
  name: 'Sixteen timers',
  strategy: { type: 'pool', concurrency: 4 },
  tasks: [{ kind: 'timer', count: 16, ms: 100 }],
};

describe('ScenarioEditor: form and JSON stay in sync', () => {
  it('starts valid, with the scenario as pretty JSON', () => {
    const editor = new ScenarioEditor(BASE);
    expect(editor.problems).toEqual([]);
    expect(editor.scenario?.options.timeoutMs).toBe(30_000);
    expect(JSON.parse(editor.text)).toEqual(BASE);
    expect(editor.dirty).toBe(false);
  });

  it('writes a form edit into the JSON text', () => {
    const editor = new ScenarioEditor(BASE);
    editor.set(['tasks', 0, 'count'], 32);
    expect(JSON.parse(editor.text).tasks[0].count).toBe(32);
    expect(editor.scenario?.tasks[0]?.count).toBe(32);
    expect(editor.dirty).toBe(true);
  });

  it('reads a JSON edit into the form', () => {
    const editor = new ScenarioEditor(BASE);
    const edited = { ...BASE, strategy: { type: 'workers', threads: 2 } };
    editor.setText(JSON.stringify(edited));
    expect(editor.get(['strategy', 'threads'])).toBe(2);
    expect(editor.scenario?.strategy).toEqual({ type: 'workers', threads: 2 });
  });

  it('keeps JSON that does not parse as typed, reports it, and locks the form', () => {
    const editor = new ScenarioEditor(BASE);
    const broken = '{ "version": 1, "name": "half';
    editor.setText(broken);
    expect(editor.text).toBe(broken);
    expect(editor.problems).toHaveLength(1);
    expect(editor.problems[0]?.path).toBe('(root)');
    expect(editor.problems[0]?.message).toMatch(/^is not valid JSON/);
    expect(editor.scenario).toBeNull();
    expect(editor.formEditable).toBe(false);
    editor.set(['name'], 'overwrite');
    expect(editor.text).toBe(broken);
    expect(editor.get(['name'])).toBe('Sixteen timers');
  });

  it('adds, reorders, re-kinds and removes task groups', () => {
    const editor = new ScenarioEditor(BASE);
    editor.addGroup('http');
    editor.addGroup('cpu');
    expect((editor.get(['tasks']) as { kind: string }[]).map((g) => g.kind)).toEqual(['timer', 'http', 'cpu']);
    editor.moveGroup(2, 0);
    expect((editor.get(['tasks']) as { kind: string }[]).map((g) => g.kind)).toEqual(['cpu', 'timer', 'http']);
    editor.set(['tasks', 1, 'label'], 'waits');
    editor.setGroupKind(1, 'crypto');
    expect(editor.get(['tasks', 1])).toEqual({ kind: 'crypto', count: 16, iterations: 100_000, label: 'waits' });
    editor.removeGroup(0);
    expect((editor.get(['tasks']) as { kind: string }[]).map((g) => g.kind)).toEqual(['crypto', 'http']);
    expect(editor.problems).toEqual([]);
  });

  it('keeps the size when switching between sized strategies and drops it for unsized ones', () => {
    const editor = new ScenarioEditor(BASE);
    editor.setStrategyType('batch');
    expect(editor.get(['strategy'])).toEqual({ type: 'batch', size: 8 });
    editor.set(['strategy', 'size'], 3);
    editor.setStrategyType('all');
    expect(editor.get(['strategy'])).toEqual({ type: 'all' });
    editor.setStrategyType('pool');
    expect(editor.get(['strategy'])).toEqual({ type: 'pool', concurrency: 8 });
  });

  it('removing a field lets the default apply', () => {
    const editor = new ScenarioEditor({ ...BASE, options: { retries: 2 } });
    editor.set(['options', 'retries'], undefined);
    expect(JSON.parse(editor.text).options).toEqual({});
    expect(editor.scenario?.options.retries).toBe(0);
  });
});

describe('ScenarioEditor: problems are shown where they are', () => {
  it('puts a field problem at its field, keeping the bad value in the draft', () => {
    const editor = new ScenarioEditor(BASE);
    editor.set(['tasks', 0, 'count'], -4);
    editor.set(['tasks', 0, 'ms'], 'abc');
    expect(editor.problemsAt(['tasks', 0, 'count'])).toEqual(['must be a whole number >= 1, got -4']);
    expect(editor.problemsAt(['tasks', 0, 'ms'])[0]).toMatch(/milliseconds.*got "abc"/);
    expect(editor.get(['tasks', 0, 'count'])).toBe(-4);
    expect(editor.problems.map((p) => p.path)).toEqual(['tasks[0].count', 'tasks[0].ms']);
  });

  it('shows problems with no field of their own at their section', () => {
    const editor = new ScenarioEditor(BASE);
    editor.setText(JSON.stringify({ ...BASE, colour: 'red', tasks: [{ kind: 'timer', count: 1, ms: 1, extra: 1 }] }));
    expect(editor.problemsIn('general').map((p) => p.message)).toEqual(['has unknown field "colour"']);
    expect(editor.problemsIn('tasks[0]').map((p) => p.message)).toEqual(['has unknown field "extra"']);
    editor.setText(JSON.stringify({ ...BASE, tasks: [] }));
    expect(editor.problemsIn('tasks').map((p) => p.message)).toEqual(['must have at least 1 item(s)']);
  });

  it('places a problem inside a list at the list field, and a bad strategy at the picker', () => {
    const editor = new ScenarioEditor({ ...BASE, tasks: [{ kind: 'spawn', count: 1, command: 'node', args: ['-v'] }] });
    editor.set(['tasks', 0, 'args'], ['-v', 7]);
    expect(editor.problemsAt(['tasks', 0, 'args'])).toHaveLength(1);
    editor.set(['strategy'], { type: 'warp' });
    expect(editor.problemsAt(['strategy', 'type'])).toHaveLength(1);
    editor.set(['strategy'], { type: 'pool', concurrency: 0 });
    expect(editor.problemsAt(['strategy', 'concurrency'])).toEqual(['must be a whole number >= 1, got 0']);
  });
});
