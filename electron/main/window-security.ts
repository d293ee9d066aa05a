/**
 * Guards applied to every web-contents the app ever creates (Electron security
 * checklist #7, #13, #14, #15): a strict CSP on every response, no navigation,
 * no new windows (http(s) links go to the system browser instead), and no
 * permission grants (camera, geolocation, notifications...).
 */
import { app, session, shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { isWebUrl } from '../host/api-handlers';

/** One policy for the app and the browser bridge (shared/csp.ts). */
export { CONTENT_SECURITY_POLICY };

type HeaderMap = Record<string, string | string[]>;

/** Response headers with our CSP, replacing any CSP already present (whatever its case). */
export function withContentSecurityPolicy(headers: HeaderMap | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

export function installContentSecurityPolicy(target: Session): void {
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}

export function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}

/** Opens a URL in the system browser, but only http(s): never file:, smb:, custom handlers. */
export function openExternalSafely(url: string): boolean {
  if (!isWebUrl(url)) return false;
  shell.openExternal(url).catch((error: unknown) => console.error('[forewarn] the system browser refused the link:', error));
  return true;
}

export function guardWebContents(contents: WebContents): void {
  // The UI is a single page: any navigation away from it is refused.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
}

/** Call once when the app is ready, before the first window is created. */
export function installSecurityGuards(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  installContentSecurityPolicy(session.defaultSession);
  denyAllPermissions(session.defaultSession);
}
