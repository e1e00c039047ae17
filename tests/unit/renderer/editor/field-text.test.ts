import { describe, expect, it } from 'vitest';
import type { FieldSpec } from '../../../../renderer/state/editor/task-fields';
import { fieldId, fieldText, parseFieldText } from '../../../../renderer/views/editor/field-text';

const NUMBER: FieldSpec = { key: 'count', label: 'Count', type: 'number' };
const TEXT: FieldSpec = { key: 'label', label: 'Label', type: 'text' };
const LINES: FieldSpec = { key: 'args', label: 'Arguments', type: 'lines' };

describe('form field text', () => {
  it('keeps what was typed: numbers as numbers, anything else as the text itself', () => {
    expect(parseFieldText(NUMBER, ' 42 ')).toBe(42);
    expect(parseFieldText(NUMBER, '-4')).toBe(-4);
    expect(parseFieldText(NUMBER, '1.5')).toBe(1.5);
    expect(parseFieldText(NUMBER, 'abc')).toBe('abc');
    expect(parseFieldText(NUMBER, '1e999')).toBe('1e999');
  });

  it('treats an empty field as not set, so the default applies', () => {
    expect(parseFieldText(NUMBER, '  ')).toBeUndefined();
    expect(parseFieldText(TEXT, '')).toBeUndefined();
    expect(parseFieldText(LINES, '')).toEqual([]);
  });

  it('round-trips lists one item per line', () => {
    expect(parseFieldText(LINES, '-e\nconsole.log(1)')).toEqual(['-e', 'console.log(1)']);
    expect(fieldText(LINES, ['-e', 'console.log(1)'])).toBe('-e\nconsole.log(1)');
    expect(fieldText(NUMBER, undefined)).toBe('');
    expect(fieldText(TEXT, { odd: true })).toBe('{"odd":true}');
  });

  it('gives each field path its own id', () => {
    expect(fieldId(['tasks', 0, 'count'])).toBe('field-tasks-0-count');
  });
});
