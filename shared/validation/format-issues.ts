import type { z } from 'zod';
import { closestName } from './did-you-mean';

/** One problem found in input: where it is and what is wrong, for a person to read. */
export interface Problem {
  /** `tasks[0].count`, or `(root)` for the whole document. */
  path: string;
  message: string;
}

/** `['tasks', 0, 'count']` becomes `tasks[0].count`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !(key in current)) return { found: false, value: undefined };
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value: current };
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** The field names an object at a path may have; lets an unknown field be answered with "did you mean". */
export type KnownFields = (path: readonly PropertyKey[]) => readonly string[];

/** `"concurency" (did you mean "concurrency"?)`, or just the quoted name when nothing known is close. */
function unknownFieldText(key: string, known: readonly string[]): string {
  const meant = closestName(key, known);
  return meant === null ? `"${key}"` : `"${key}" (did you mean "${meant}"?)`;
}

function messageFor(issue: z.core.$ZodIssue, found: boolean, value: unknown, knownFields: KnownFields): string {
  const missing = !found || value === undefined;
  if (missing && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')) {
    return 'is required';
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.message.startsWith('Invalid input')) return `must be ${article(issue.expected)}`;
      return issue.message;
    case 'unrecognized_keys': {
      const known = knownFields(issue.path);
      return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => unknownFieldText(k, known)).join(', ')}`;
    }
    case 'invalid_value':
      if (!issue.message.startsWith('Invalid')) return issue.message;
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_union':
      if ('discriminator' in issue && typeof issue.discriminator === 'string') {
        return `has no valid "${issue.discriminator}"`;
      }
      return issue.message.startsWith('Invalid input') ? 'does not match any allowed form' : issue.message;
    case 'invalid_format':
      return issue.message.startsWith('Invalid') ? `must be a valid ${issue.format}` : issue.message;
    case 'too_small':
      if (issue.message.startsWith('Too small')) {
        if (issue.origin === 'array') return `must have at least ${String(issue.minimum)} item(s)`;
        if (issue.origin === 'string') return issue.minimum === 1 ? 'must not be empty' : `must have at least ${String(issue.minimum)} characters`;
        return `must be >= ${String(issue.minimum)}`;
      }
      return issue.message;
    case 'too_big':
      if (issue.message.startsWith('Too big')) {
        if (issue.origin === 'array') return `must have at most ${String(issue.maximum)} item(s)`;
        if (issue.origin === 'string') return `must have at most ${String(issue.maximum)} characters`;
        return `must be <= ${String(issue.maximum)}`;
      }
      return issue.message;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  if (expected === 'int') return 'a whole number';
  if (expected === 'object') return 'an object';
  if (expected === 'array') return 'a list';
  return `a ${expected}`;
}

/**
 * Turns a schema library's issues into problems a person can act on:
 * `tasks[0].count: must be a whole number >= 1, got -4`. Every issue is kept, in order. With `knownFields`,
 * an unknown field names the known one it was probably meant to be: `has unknown field "concurency" (did
 * you mean "concurrency"?)`; the editor and the CLI both show this text.
 */
export function toProblems(issues: readonly z.core.$ZodIssue[], input: unknown, knownFields: KnownFields = () => []): Problem[] {
  return issues.map((issue) => {
    const { found, value } = valueAt(input, issue.path);
    const message = messageFor(issue, found, value, knownFields);
    const showValue = found && value !== undefined && issue.code !== 'unrecognized_keys' && (typeof value !== 'object' || value === null);
    return { path: formatPath(issue.path), message: showValue ? `${message}, got ${describeValue(value)}` : message };
  });
}

/** One line per problem: `path: message`. */
export function problemsToText(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}
