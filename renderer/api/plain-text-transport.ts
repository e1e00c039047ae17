import type { ApiTransport } from '../../shared/api/api-transport';
import { hasControlCharacters, stripControlCharacters } from '../../shared/validation/control-characters';

/**
 * Removes control characters from every string of `value`, in place: only strings that hold one are replaced, so
 * the usual answer is walked and nothing is copied. Typed arrays and other non-plain objects are left alone.
 */
function stripInPlace(value: unknown): unknown {
  if (typeof value === 'string') return hasControlCharacters(value) ? stripControlCharacters(value) : value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      if (typeof item === 'string' || (typeof item === 'object' && item !== null)) value[i] = stripInPlace(item);
    }
  } else if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === 'string' || (typeof item === 'object' && item !== null)) record[key] = stripInPlace(item);
    }
  }
  return value;
}

/**
 * The page's transport with control characters kept out of the UI's text: whatever a history written by another
 * tool or an older version holds (a run name with ESC, a bidirectional override in a tag), no view shows it.
 */
export function withoutControlCharacters(transport: ApiTransport): ApiTransport {
  return {
    call: async (method, args) => stripInPlace(await transport.call(method, args)) as Awaited<ReturnType<ApiTransport['call']>>,
    subscribe: (event, listener) => transport.subscribe(event, (payload) => listener(stripInPlace(payload))),
  };
}
