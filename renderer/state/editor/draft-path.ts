/** A place in a scenario draft: `['tasks', 0, 'count']`. */
export type DraftPath = readonly (string | number)[];

/** The value at `path`, or undefined when any step is missing. */
export function getAt(root: unknown, path: DraftPath): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/**
 * A copy of `root` with `value` at `path` (copying only the objects on the way); `undefined` removes the
 * field. Missing steps are created as objects (or arrays for numeric keys).
 */
export function setAt(root: unknown, path: DraftPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const base: unknown = root !== null && typeof root === 'object' ? root : typeof key === 'number' ? [] : {};
  const copy = (Array.isArray(base) ? [...base] : { ...(base as object) }) as Record<string | number, unknown>;
  const next = setAt(copy[key], rest, value);
  if (next === undefined && !Array.isArray(copy)) delete copy[key];
  else copy[key] = next;
  return copy;
}

/** `['tasks', 0, 'count']` as problems name it: `tasks[0].count`. */
export function pathText(path: DraftPath): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? key : `.${key}`;
  return out === '' ? '(root)' : out;
}
