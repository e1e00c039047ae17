import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import type { Diagnostic } from '@codemirror/lint';
import type { EditorState } from '@codemirror/state';
import type { Problem } from '../../../../shared/validation/format-issues';
import { fieldsAt, type JsonSchemaNode } from '../../../../shared/validation/schema-fields';
import { firstSyntaxError, nodeAtPath, objectProperties, propertyKey } from './json-tree';

const PARSE_BUDGET_MS = 500;

/** `tasks[0].count` → `['tasks', 0, 'count']`; `(root)` → `[]`. */
export function parsePath(text: string): (string | number)[] {
  if (text === '(root)') return [];
  return [...text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] === undefined ? match[1]! : Number(match[2])));
}

/**
 * Places each problem in the text: a value at its value, a missing field at the object (or property) that
 * lacks it, an unknown field at its name, invalid JSON where it stops parsing.
 */
export function problemDiagnostics(state: EditorState, problems: readonly Problem[], schema: JsonSchemaNode, draft: unknown): Diagnostic[] {
  // The whole text parsed (a scenario is small), so that a problem at its end finds its place.
  const tree = ensureSyntaxTree(state, state.doc.length, PARSE_BUDGET_MS) ?? syntaxTree(state);
  const doc = state.doc;
  const end = doc.length;
  return problems.flatMap((problem): Diagnostic[] => {
    const at = (from: number, to: number): Diagnostic => ({ from, to: Math.max(from, Math.min(to, end)), severity: 'error', message: `${problem.path}: ${problem.message}` });
    if (problem.message.startsWith('is not valid JSON')) {
      const error = firstSyntaxError(tree) ?? end;
      return [at(Math.min(error, end), Math.min(end, error + 1))];
    }
    const path = parsePath(problem.path);
    const place = nodeAtPath(tree, doc, path);
    if (place === null) return [at(0, Math.min(end, 1))];
    const { node, found, property } = place;
    if (found && problem.message.startsWith('has unknown field') && node.name === 'Object') {
      const known = new Set(fieldsAt(schema, draft, path));
      const unknown = objectProperties(node).flatMap((p) => {
        const name = p.getChild('PropertyName');
        return name === null || known.has(propertyKey(name, doc)) ? [] : [at(name.from, name.to)];
      });
      if (unknown.length > 0) return unknown;
    }
    // A whole object or list is marked at its first line only; a missing field at the name of what lacks it.
    const nameOfProperty = property?.getChild('PropertyName') ?? null;
    if (!found && nameOfProperty !== null) return [at(nameOfProperty.from, nameOfProperty.to)];
    const to = node.name === 'Object' || node.name === 'Array' ? node.from + 1 : node.to;
    return [at(node.from, to)];
  });
}
