import type { FieldSpec } from '../../state/editor/task-fields';

/** What the user typed, as the draft value: empty means "not set", a number stays a number, anything else is kept as typed. */
export function parseFieldText(spec: FieldSpec, text: string): unknown {
  if (spec.type === 'lines') return text === '' ? [] : text.split('\n');
  if (text.trim() === '') return undefined;
  if (spec.type === 'number') {
    const n = Number(text.trim());
    return Number.isFinite(n) ? n : text;
  }
  if (spec.type === 'json') {
    // Text that is not JSON yet stays as typed, and the scenario's check says what is wrong with it.
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** A draft value as the text box shows it. */
export function fieldText(spec: FieldSpec, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (spec.type === 'lines' && Array.isArray(value)) return value.map(String).join('\n');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** An id for the input of the field at this path: `field-tasks-0-count`. */
export function fieldId(path: readonly (string | number)[]): string {
  return `field-${path.join('-')}`;
}
