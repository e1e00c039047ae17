import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import type { SyntaxNode } from '@lezer/common';
import { fieldsAt, schemasAt, type JsonSchemaNode } from '../../../../shared/validation/schema-fields';
import { objectProperties, pathOfNode, propertyKey } from './json-tree';

/** The values a schema allows outright: its constants, its enumerations, true and false. */
function allowedValues(schemas: readonly JsonSchemaNode[]): unknown[] {
  const values = schemas.flatMap((schema) => [...('const' in schema ? [schema.const] : []), ...(schema.enum ?? []), ...(schema.type === 'boolean' ? [true, false] : [])]);
  return [...new Map(values.map((value) => [JSON.stringify(value), value])).values()];
}

function describe(schemas: readonly JsonSchemaNode[]): string | undefined {
  const schema = schemas[0];
  if (schema === undefined) return undefined;
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type;
  return schema.description ?? type;
}

/** The object a property name is being typed in, and the property (if any) the cursor is inside. */
function objectAround(node: SyntaxNode): { object: SyntaxNode; name: SyntaxNode | null } | null {
  if (node.name === 'PropertyName') return node.parent?.parent?.name === 'Object' ? { object: node.parent.parent, name: node } : null;
  if (node.name === 'Object') return { object: node, name: null };
  if (node.name === '⚠' && node.parent?.name === 'Object') return { object: node.parent, name: null };
  return null;
}

/**
 * Completion from the scenario's JSON Schema: the fields an object may have (the ones it does not have yet)
 * where a property name is typed, and the allowed values (strategy types, task kinds, true/false) after a
 * colon. `draft` is the scenario as last parsed, which picks the branch of a union (the strategy's type, a
 * group's kind).
 */
export function schemaCompletion(schema: JsonSchemaNode, draft: () => unknown): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const doc = context.state.doc;
    const node = syntaxTree(context.state).resolveInner(context.pos, -1);
    const word = context.matchBefore(/"?[\w$-]*"?/);
    const around = objectAround(node);
    if (around !== null) {
      if (word === null && !context.explicit) return null;
      const path = pathOfNode(around.object, doc);
      const present = new Set(objectProperties(around.object).flatMap((p) => (p.getChild('PropertyName') === around.name ? [] : [p.getChild('PropertyName')])).flatMap((n) => (n === null ? [] : [propertyKey(n, doc)])));
      const options: Completion[] = fieldsAt(schema, draft(), path)
        .filter((field) => !present.has(field))
        .map((field) => ({ label: `"${field}"`, type: 'property', detail: describe(schemasAt(schema, draft(), [...path, field])), apply: `"${field}": ` }));
      return { from: around.name?.from ?? word?.from ?? context.pos, to: around.name?.to, options, validFor: /^"?[\w$-]*"?$/ };
    }
    const property = node.name === 'Property' ? node : node.parent?.name === 'Property' ? node.parent : null;
    if (property === null) return null;
    const name = property.getChild('PropertyName');
    const colon = property.getChild(':');
    if (name === null || colon === null || context.pos <= colon.from) return null;
    const path = [...pathOfNode(property, doc), propertyKey(name, doc)];
    const values = allowedValues(schemasAt(schema, draft(), path));
    if (values.length === 0) return null;
    const from = node === property ? context.pos : node.from;
    return { from, to: node === property ? undefined : node.to, options: values.map((value) => ({ label: JSON.stringify(value), type: 'enum' })) };
  };
}
