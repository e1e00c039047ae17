import { pathToFileURL } from 'node:url';

/**
 * Where the app's own page is: the built `index.html` on disk, or, in development, the electron-vite dev
 * server. Only that page may talk to the main process or be navigated to.
 */
export interface AppLocation {
  /** `file://` URL of `out/renderer/index.html`. */
  readonly indexFileUrl: string;
  /** The dev server's URL (`ELECTRON_RENDERER_URL`), or null in a build. */
  readonly devServerUrl: string | null;
}

/** The location for a build whose page is at `indexHtmlPath`, optionally served by a dev server instead. */
export function appLocation(indexHtmlPath: string, devServerUrl: string | null = null): AppLocation {
  return { indexFileUrl: pathToFileURL(indexHtmlPath).href, devServerUrl };
}

/** The URL the window loads first. */
export function startUrl(app: AppLocation): string {
  return app.devServerUrl ?? app.indexFileUrl;
}

/**
 * True when `url` is the app's page: the index file itself (any query or fragment; no other file, since a
 * page on `file://` could otherwise read the disk), or any page of the dev server's origin.
 */
export function isAppUrl(url: string, app: AppLocation): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  if (app.devServerUrl !== null) {
    const dev = parseUrl(app.devServerUrl);
    if (dev !== null && parsed.origin === dev.origin && parsed.origin !== 'null') return true;
  }
  const index = new URL(app.indexFileUrl);
  return parsed.protocol === 'file:' && parsed.host === index.host && parsed.pathname === index.pathname;
}

/** The part of Electron's `WebFrameMain` the sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * True when an IPC message comes from the app's own top-level page: a missing frame (navigated away or
 * destroyed), a child frame, or any other URL is refused.
 */
export function isTrustedSender(frame: FrameLike | null | undefined, app: AppLocation): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url, app);
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
