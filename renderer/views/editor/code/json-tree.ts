import type { SyntaxNode, Tree } from '@lezer/common';
import type { Text } from '@codemirror/state';

/** Where a part of the JSON is: keys of objects and positions in arrays, as the validation's paths have them. */
export type JsonPath = (string | number)[];

const PUNCTUATION = new Set(['{', '}', '[', ']', ',', ':', '⚠']);

/** The values of an array node, in order (its brackets, commas and error markers left out). */
function arrayItems(array: SyntaxNode): SyntaxNode[] {
  const items: SyntaxNode[] = [];
  for (let child = array.firstChild; child !== null; child = child.nextSibling) if (!PUNCTUATION.has(child.name)) items.push(child);
  return items;
}

/** A property's name as its key: the string's text without quotes (as typed when it does not parse). */
export function propertyKey(name: SyntaxNode, doc: Text): string {
  const text = doc.sliceString(name.from, name.to);
  try {
    return String(JSON.parse(text));
  } catch {
    return text.replace(/^"|"$/g, '');
  }
}

/** The value of a property node (after its colon), if typed yet. */
export function propertyValue(property: SyntaxNode): SyntaxNode | null {
  const value = property.lastChild;
  return value === null || PUNCTUATION.has(value.name) || value.name === 'PropertyName' ? null : value;
}

/** The properties of an object node. */
export function objectProperties(object: SyntaxNode): SyntaxNode[] {
  return object.getChildren('Property');
}

/** The path of the value a node is or is in (a property name counts as its object's). */
export function pathOfNode(node: SyntaxNode, doc: Text): JsonPath {
  const path: JsonPath = [];
  let current: SyntaxNode | null = node;
  while (current !== null && current.parent !== null) {
    const parent: SyntaxNode = current.parent;
    if (parent.name === 'Property' && current.name !== 'PropertyName') {
      const name = parent.getChild('PropertyName');
      if (name !== null) path.unshift(propertyKey(name, doc));
    } else if (parent.name === 'Array') {
      const index = arrayItems(parent).findIndex((item) => item.from === current!.from);
      if (index >= 0) path.unshift(index);
    }
    current = parent;
  }
  return path;
}

/**
 * The node at a path of the document, or the deepest one on the way when the rest is missing: the value,
 * and whether the whole path was found.
 */
export function nodeAtPath(tree: Tree, doc: Text, path: readonly PropertyKey[]): { node: SyntaxNode; found: boolean; property: SyntaxNode | null } | null {
  let node = tree.topNode.firstChild;
  let property: SyntaxNode | null = null;
  if (node === null) return null;
  for (const key of path) {
    let next: SyntaxNode | null = null;
    let nextProperty: SyntaxNode | null = null;
    if (node.name === 'Object') {
      nextProperty = objectProperties(node).find((p) => {
        const name = p.getChild('PropertyName');
        return name !== null && propertyKey(name, doc) === String(key);
      }) ?? null;
      next = nextProperty === null ? null : propertyValue(nextProperty);
    } else if (node.name === 'Array' && typeof key === 'number') {
      next = arrayItems(node)[key] ?? null;
    }
    if (next === null) return { node, found: false, property: nextProperty ?? property };
    node = next;
    property = nextProperty;
  }
  return { node, found: true, property };
}

/** The first syntax error of the tree, if the text does not parse. */
export function firstSyntaxError(tree: Tree): number | null {
  let at: number | null = null;
  tree.iterate({
    enter: (node) => {
      if (at !== null) return false;
      if (node.type.isError) at = node.from;
      return undefined;
    },
  });
  return at;
}
