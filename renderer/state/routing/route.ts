/** Which scenario the workbench shows, as far as an address can name it. */
export type WorkbenchTarget =
  | { kind: 'preset'; presetId: string; variantId: string }
  | { kind: 'saved'; id: number }
  | { kind: 'new' };

/**
 * A place in the app as the URL's hash names it: the view and what is open in it. A scenario opened from a
 * file has no address of its own (`target: null`): reloading it goes back to the library.
 */
export type Route =
  | { view: 'scenarios' }
  | { view: 'workbench'; target: WorkbenchTarget | null }
  | { view: 'history'; open: { kind: 'run' | 'experiment'; id: number } | null }
  | { view: 'compare'; ids: readonly number[] };

const ID = /^[1-9]\d{0,15}$/;

/** A part that is not valid percent-encoding is kept as typed (it then names nothing). */
function decodePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function parseId(text: string | undefined): number | null {
  return text !== undefined && ID.test(text) ? Number(text) : null;
}

/** `#/history/run/12` and the like; a hash that names nothing known is the scenario library. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodePart);
  const [view, ...rest] = parts;
  if (view === 'workbench') return { view, target: parseWorkbenchTarget(rest) };
  if (view === 'history') {
    const [kind, id] = rest;
    const parsed = parseId(id);
    return { view, open: (kind === 'run' || kind === 'experiment') && parsed !== null ? { kind, id: parsed } : null };
  }
  if (view === 'compare') {
    const ids = (rest[0] ?? '').split(',').map(parseId);
    return { view, ids: ids.every((id) => id !== null) ? (ids as number[]) : [] };
  }
  return { view: 'scenarios' };
}

function parseWorkbenchTarget([kind, first, second]: string[]): WorkbenchTarget | null {
  if (kind === 'new') return { kind };
  if (kind === 'preset' && first !== undefined && first !== '') return { kind, presetId: first, variantId: second ?? '' };
  const id = parseId(first);
  return kind === 'saved' && id !== null ? { kind, id } : null;
}

/** The hash of a route: `parseRoute(formatRoute(r))` is `r`. */
export function formatRoute(route: Route): string {
  switch (route.view) {
    case 'scenarios':
      return '#/scenarios';
    case 'workbench': {
      const target = route.target;
      if (target === null) return '#/workbench';
      if (target.kind === 'new') return '#/workbench/new';
      if (target.kind === 'saved') return `#/workbench/saved/${target.id}`;
      return `#/workbench/preset/${encodeURIComponent(target.presetId)}/${encodeURIComponent(target.variantId)}`;
    }
    case 'history':
      return route.open === null ? '#/history' : `#/history/${route.open.kind}/${route.open.id}`;
    case 'compare':
      return route.ids.length === 0 ? '#/compare' : `#/compare/${route.ids.join(',')}`;
  }
}
