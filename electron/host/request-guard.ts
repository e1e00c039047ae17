import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** What a request must show to be served. */
export interface GuardConfig {
  /** The secret printed with the URL. */
  token: string;
  /** `host:port` values the server answers to (lowercase); anything else is DNS rebinding or a mistake. */
  allowedHosts: readonly string[];
  /** The cookie that carries the token once the page has been loaded with `?token=`. */
  cookieName: string;
}

export type GuardVerdict =
  | { ok: true; tokenFromQuery: boolean; pathname: string }
  | { ok: false; status: 400 | 401 | 403; reason: string };

/**
 * Decides whether a request (or a WebSocket upgrade) may be served: its `Host` must be one this server
 * answers to, its `Origin`, when a browser sends one, must be this server, and it must carry the token in
 * the query or in the cookie. A missing token is 401, anything wrong is 403, a target that is not a
 * path is 400.
 */
export function checkRequest(request: { url?: string; headers: IncomingHttpHeaders }, config: GuardConfig): GuardVerdict {
  const host = request.headers.host?.toLowerCase();
  if (host === undefined || !config.allowedHosts.includes(host)) {
    return { ok: false, status: 403, reason: `Host ${JSON.stringify(host ?? '')} is not served here` };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !config.allowedHosts.some((allowed) => origin.toLowerCase() === `http://${allowed}`)) {
    return { ok: false, status: 403, reason: `Origin ${JSON.stringify(origin)} may not use this server` };
  }
  const target = parseTarget(request.url ?? '/');
  if (target === null) return { ok: false, status: 400, reason: 'The request target is not a path' };
  const queryToken = target.searchParams.get('token');
  const cookieToken = readCookie(request.headers.cookie, config.cookieName);
  const presented = queryToken ?? cookieToken;
  if (presented === null) return { ok: false, status: 401, reason: 'The token is missing: open the URL the server printed' };
  if (!sameSecret(presented, config.token)) return { ok: false, status: 403, reason: 'The token is wrong' };
  return { ok: true, tokenFromQuery: queryToken !== null, pathname: target.pathname };
}

/** The request target as a URL, or null when it is not an origin-form path (`/x?y`) a URL can hold. */
function parseTarget(target: string): URL | null {
  if (!target.startsWith('/')) return null;
  try {
    return new URL(`http://placeholder${target}`);
  } catch {
    return null;
  }
}

/** The `Set-Cookie` value that lets the page load its assets and open its WebSocket without the query. */
export function tokenCookie(config: GuardConfig): string {
  return `${config.cookieName}=${config.token}; HttpOnly; SameSite=Strict; Path=/`;
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return null;
}

function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
