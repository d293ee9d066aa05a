import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { net, protocol } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/window-security';
import {
  APP_START_URL,
  createMainWindow,
  isAppUrl,
  registerAppScheme,
  resolveAppFile,
  serveRenderer,
} from '../../../electron/main/window';
import { BrowserWindow, resetElectronMock } from '../../mocks/electron';

const mockProtocol = protocol as unknown as {
  schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>;
  handlers: Map<string, (r: Request) => Promise<Response>>;
};

describe('main window', () => {
  beforeEach(() => resetElectronMock());

  it('runs the renderer isolated, sandboxed, without Node, with our preload', () => {
    const window = createMainWindow({ preloadPath: '/app/dist-electron/preload.cjs' }) as unknown as BrowserWindow;
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(window.loadedUrl).toBe(APP_START_URL);
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('registers app:// as a secure standard scheme', () => {
    registerAppScheme();
    expect(mockProtocol.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });

  it('recognises only our own origin as the app', () => {
    expect(isAppUrl('app://forewarn/index.html')).toBe(true);
    expect(isAppUrl('app://forewarn/assets/x.js')).toBe(true);
    for (const url of ['app://evil/index.html', 'https://forewarn/', 'file:///index.html', 'not a url', '']) expect(isAppUrl(url)).toBe(false);
  });
});

describe('app:// path-traversal guard', () => {
  const root = '/opt/forewarn/dist/renderer';
  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppFile(root, 'app://forewarn/index.html')).toBe(`${root}/index.html`);
    expect(resolveAppFile(root, 'app://forewarn/')).toBe(`${root}/index.html`);
    expect(resolveAppFile(root, 'app://forewarn/assets/index-abc.js?v=1#x')).toBe(`${root}/assets/index-abc.js`);
  });

  it('keeps dot-segments inside the folder (the URL parser clamps them at the root)', () => {
    for (const url of ['app://forewarn/../../../../etc/passwd', 'app://forewarn/%2e%2e/%2e%2e/etc/passwd']) {
      expect(resolveAppFile(root, url), url).toBe(`${root}/etc/passwd`);
    }
  });

  it('refuses anything that would leave the folder or is not ours', () => {
    const escapes = [
      'app://forewarn/%2F..%2F..%2Fetc%2Fpasswd',
      'app://forewarn/assets/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
      'app://forewarn/..%5c..%5cwindows%5cwin.ini',
      'app://forewarn/index.html%00.png',
      'app://forewarn/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
    ];
    for (const url of escapes) expect(resolveAppFile(root, url), url).toBeNull();
  });

  it('serves files with the CSP header and answers 403 to escapes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forewarn-renderer-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    vi.mocked(net.fetch).mockResolvedValueOnce(
      new Response('<!doctype html>', { headers: { 'content-type': 'text/html', 'Content-Security-Policy': "default-src *" } }),
    );
    serveRenderer(dir);
    const handler = mockProtocol.handlers.get('app')!;
    const ok = await handler(new Request('app://forewarn/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(vi.mocked(net.fetch).mock.calls.at(-1)?.[0]).toBe(`file://${dir}/index.html`);
    const denied = await handler(new Request('app://forewarn/%2F..%2F..%2F..%2Fetc%2Fpasswd'));
    expect(denied.status).toBe(403);
    vi.mocked(net.fetch).mockRejectedValueOnce(new Error('net::ERR_FILE_NOT_FOUND'));
    const missing = await handler(new Request('app://forewarn/missing.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
