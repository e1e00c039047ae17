import { type AppLocation, isAppUrl } from './app-location';

/**
 * The app page's Content-Security-Policy, sent as a response header on top of the `<meta>` in
 * renderer/index.html (both apply): only the app's own scripts, styles and images, no eval, no plugins,
 * no framing. The dev server also needs its hot-reload WebSocket and the styles Vite injects.
 */
export function contentSecurityPolicy(app: AppLocation): string {
  const dev = app.devServerUrl === null ? null : new URL(app.devServerUrl);
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    dev === null ? "style-src 'self'" : "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    dev === null ? "connect-src 'self'" : `connect-src 'self' ws://${dev.host}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}

type Headers = Record<string, string[]>;

/**
 * The response headers with the app's policy added, for a response to the app's page; any other response
 * is returned unchanged. A policy the response already carries is kept, so both are enforced.
 */
export function withContentSecurityPolicy(url: string, headers: Headers | undefined, app: AppLocation): Headers {
  const current = headers ?? {};
  if (!isAppUrl(url, app)) return current;
  const name = Object.keys(current).find((key) => key.toLowerCase() === 'content-security-policy');
  const existing = name === undefined ? [] : (current[name] ?? []);
  const rest = Object.fromEntries(Object.entries(current).filter(([key]) => key !== name));
  return { ...rest, 'Content-Security-Policy': [...existing, contentSecurityPolicy(app)] };
}
