/** The part of JSON Schema that a schema derived from zod uses, as far as this app reads it. */
export interface JsonSchemaNode {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  description?: string;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  items?: JsonSchemaNode;
  oneOf?: JsonSchemaNode[];
  anyOf?: JsonSchemaNode[];
  [keyword: string]: unknown;
}

/** The branches of a union (`oneOf`, `anyOf`), flattened; any other schema is its own one branch. */
function branchesOf(node: JsonSchemaNode): JsonSchemaNode[] {
  const union = node.oneOf ?? node.anyOf;
  return union === undefined ? [node] : union.flatMap(branchesOf);
}

/**
 * The branches that can describe `value`: those whose constant fields (a discriminator such as `"kind":
 * "timer"`) agree with it. With no branch agreeing (a kind being typed), all of them.
 */
function branchesFor(nodes: readonly JsonSchemaNode[], value: unknown): JsonSchemaNode[] {
  const all = nodes.flatMap(branchesOf);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return all;
  const record = value as Record<string, unknown>;
  const agreeing = all.filter((node) =>
    Object.entries(node.properties ?? {}).every(([key, property]) => !('const' in property) || !(key in record) || record[key] === property.const),
  );
  return agreeing.length > 0 ? agreeing : all;
}

/** The schemas that describe the value at `path` of `input` (a path of keys and array positions). */
export function schemasAt(root: JsonSchemaNode, input: unknown, path: readonly PropertyKey[]): JsonSchemaNode[] {
  let nodes: JsonSchemaNode[] = [root];
  let value = input;
  for (const key of path) {
    nodes = branchesFor(nodes, value).flatMap((node) => {
      const next = typeof key === 'number' ? node.items : node.properties?.[String(key)];
      return next === undefined ? [] : [next];
    });
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return branchesFor(nodes, value);
}

/** The field names an object at `path` of `input` may have, as its schema lists them. */
export function fieldsAt(root: JsonSchemaNode, input: unknown, path: readonly PropertyKey[]): string[] {
  return [...new Set(schemasAt(root, input, path).flatMap((node) => Object.keys(node.properties ?? {})))];
}
