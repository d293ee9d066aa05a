import { app, session, shell } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  installSecurityGuards,
  openExternalSafely,
  withContentSecurityPolicy,
} from '../../../electron/main/window-security';
import { BrowserWindow, MockWebContents, resetElectronMock, type MockSession } from '../../mocks/electron';

const mockSession = session.defaultSession as unknown as MockSession;

describe('security guards', () => {
  let contents: MockWebContents;
  beforeEach(() => {
    resetElectronMock();
    installSecurityGuards();
    contents = (new BrowserWindow() as unknown as BrowserWindow).webContents;
  });

  it('apply to every web-contents the app creates', () => {
    const later = new MockWebContents();
    app.emit('web-contents-created', {}, later);
    expect(later.windowOpenHandler).not.toBeNull();
    expect(later.listenerCount('will-navigate')).toBe(1);
  });

  it('prevent navigation of the page and of its frames', () => {
    expect(contents.emitPreventable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'app://forewarn/other.html')).toBe(true);
    expect(contents.emitPreventable('will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable('will-attach-webview', 'https://evil.example/')).toBe(true);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('deny every new window; http(s) links open in the system browser, nothing else does', () => {
    for (const url of ['https://www.example.com/manual', 'http://192.168.1.1/', 'file:///etc/passwd', 'smb://nas/share', 'javascript:alert(1)', 'app://forewarn/index.html']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).toHaveBeenCalledTimes(2);
    expect(shell.openExternal).toHaveBeenNthCalledWith(1, 'https://www.example.com/manual');
    expect(shell.openExternal).toHaveBeenNthCalledWith(2, 'http://192.168.1.1/');
    expect(openExternalSafely('ftp://x/')).toBe(false);
  });

  it('set a strict CSP header on every response, replacing any other CSP', () => {
    let result: { responseHeaders?: Record<string, string[]> } = {};
    mockSession.cspListener!(
      { url: 'app://forewarn/index.html', responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } },
      (r) => (result = r),
    );
    expect(result.responseHeaders).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    for (const directive of ["default-src 'none'", "script-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'", "connect-src 'self'"]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('deny permission requests and checks', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      mockSession.permissionRequestHandler!(contents, permission, (granted) => answers.push(granted));
      answers.push(mockSession.permissionCheckHandler!(contents, permission));
    }
    expect(answers).toEqual(Array(8).fill(false));
  });
});
