import { json } from '@codemirror/lang-json';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { checkScenarioText, scenarioJsonSchema } from '../../../../shared/scenario';
import { parsePath, problemDiagnostics } from '../../../../renderer/views/editor/code/problem-diagnostics';

function marked(text: string): string[] {
  const state = EditorState.create({ doc: text, extensions: [json()] });
  const check = checkScenarioText(text);
  const problems = check.ok ? [] : check.problems;
  let draft: unknown = null;
  try {
    draft = JSON.parse(text);
  } catch {
    // Marked where it stops parsing.
  }
  return problemDiagnostics(state, problems, scenarioJsonSchema(), draft).map((d) => text.slice(d.from, d.to));
}

const SCENARIO = { version: 1, name: 'n', strategy: { type: 'pool', concurrency: 2 }, tasks: [{ kind: 'timer', count: 3, ms: 5 }] };

describe('problems placed in the JSON text', () => {
  it('reads validation paths back into keys and positions', () => {
    expect(parsePath('tasks[0].count')).toEqual(['tasks', 0, 'count']);
    expect(parsePath('(root)')).toEqual([]);
  });

  it('marks a bad value at the value, an unknown field at its name, a missing field at what lacks it', () => {
    const text = JSON.stringify({ ...SCENARIO, strategy: { type: 'pool', concurency: 2 }, tasks: [{ kind: 'timer', count: -4, ms: 5 }] }, null, 2);
    expect(marked(text)).toEqual(expect.arrayContaining(['-4', '"concurency"', '"strategy"']));
  });

  it('marks invalid JSON where it stops parsing', () => {
    const [mark] = marked('{ "version": 1, "name": ');
    expect(mark).toBeDefined();
  });
});
