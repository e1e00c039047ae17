import { session as electronSession, type Session, type WebContents } from 'electron';
import { type AppLocation, isAppUrl } from './app-location';
import { withContentSecurityPolicy } from './content-security-policy';
import { isPermissionGranted } from './permissions';

/**
 * Applies the navigation rules of Electron's security checklist to every web contents the app creates:
 * no new windows, no navigation or redirect away from the app's page, no `<webview>`.
 */
export function hardenWebContents(contents: WebContents, app: AppLocation): void {
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`Refused to open a window for ${url}`);
    return { action: 'deny' };
  });
  const keepInApp = (event: { url: string; preventDefault(): void }) => {
    if (isAppUrl(event.url, app)) return;
    event.preventDefault();
    console.warn(`Refused to navigate to ${event.url}`);
  };
  contents.on('will-navigate', keepInApp);
  contents.on('will-redirect', keepInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Refuses permissions by default and adds the app's Content-Security-Policy header to its page. */
export function hardenSession(app: AppLocation, session: Session = electronSession.defaultSession): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl ?? contents?.getURL() ?? '', app));
  });
  session.setPermissionCheckHandler((contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, contents?.getURL() ?? requestingOrigin, app),
  );
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.url, details.responseHeaders, app) });
  });
}
