/**
 * The main window and how the renderer is served. The UI is loaded from a
 * custom `app://forewarn/` origin (security checklist #18) rather than
 * file://, so the page has a real origin, `'self'` in the CSP means only our
 * bundle, and a path-traversal guard keeps requests inside dist/renderer.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, net, protocol, type WebPreferences } from 'electron';
import { withContentSecurityPolicy } from './window-security';

export const APP_SCHEME = 'app';
export const APP_HOST = 'forewarn';
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Must run before the app is ready (Electron's rule for privileged schemes). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** True for URLs of our own UI (the only senders IPC trusts). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The file an `app://forewarn/...` request may read, or null when the request
 * is for another host or would escape the renderer folder (`..`, encoded
 * slashes, absolute paths).
 */
export function resolveAppFile(rendererRoot: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const root = resolve(rendererRoot);
  const file = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return file;
}

/** Serves dist/renderer on app://forewarn/, with the CSP on every response. */
export function serveRenderer(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererRoot, request.url);
    if (!file) return new Response('Forbidden', { status: 403 });
    let response: Response;
    try {
      response = await net.fetch(pathToFileURL(file).toString());
    } catch {
      // Missing file: a plain 404 rather than a failed request the page cannot tell apart.
      return new Response('Not found', { status: 404, headers: headersWithCsp({}) });
    }
    return new Response(response.body, {
      status: response.status,
      headers: headersWithCsp(Object.fromEntries(response.headers.entries())),
    });
  });
}

function headersWithCsp(headers: Record<string, string>): Array<[string, string]> {
  return Object.entries(withContentSecurityPolicy(headers)).map(([name, values]) => [name, values.join(', ')]);
}

/** `devTools: false` in a packaged build: no shortcut or menu can open them on a client's machine. */
export function secureWebPreferences(preloadPath: string, devTools = true): WebPreferences {
  return {
    preload: preloadPath,
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

export interface MainWindowOptions {
  preloadPath: string;
  startUrl?: string;
  /** Whether DevTools may open (development builds only). */
  devTools?: boolean;
}

export function createMainWindow({ preloadPath, startUrl = APP_START_URL, devTools = true }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Forewarn',
    backgroundColor: '#0d1117',
    webPreferences: secureWebPreferences(preloadPath, devTools),
  });
  window.once('ready-to-show', () => window.show());
  // If the UI itself cannot load, show the window anyway: an empty window with an error in the
  // log is better than a process the user cannot see.
  window.loadURL(startUrl).catch((error: unknown) => {
    console.error(`[forewarn] could not load the user interface from ${startUrl}:`, error);
    window.show();
  });
  return window;
}
