import { type AppLocation, isAppUrl } from './app-location';

/**
 * The only permission the app's page gets: writing text to the clipboard (the "copy code" buttons).
 * Everything else — camera, notifications, geolocation, ... — is refused, and so is any other page.
 */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Whether `permission`, asked for by a page at `requestingUrl`, is granted. */
export function isPermissionGranted(permission: string, requestingUrl: string, app: AppLocation): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl, app);
}
