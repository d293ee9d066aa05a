import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { app, ipcMain, protocol } from 'electron';
import { beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../../shared/ipc-channels';
import { BrowserWindow, MockUtilityProcess, MockWebContents, resetElectronMock, type MockIpcMain } from '../../mocks/electron';

const mockIpc = ipcMain as unknown as MockIpcMain;
const mockApp = app as unknown as { paths: Record<string, string>; makeReady(): void; quitCalled: boolean };
const tick = () => new Promise((r) => setTimeout(r, 10));

describe('main composition root', () => {
  let window: BrowserWindow;
  const fromWindow = () => ({ sender: window.webContents, senderFrame: { url: window.webContents.getURL() } });

  beforeAll(async () => {
    resetElectronMock();
    mockApp.paths.userData = mkdtempSync(join(tmpdir(), 'forewarn-userdata-'));
    await import('../../../electron/main/main');
    expect((protocol as unknown as { schemes: unknown[] }).schemes).toHaveLength(1);
    expect(BrowserWindow.windows).toHaveLength(0);
    mockApp.makeReady();
    await tick();
    window = BrowserWindow.windows[0]!;
  });

  it('opens one secure window on app://forewarn with the built preload', () => {
    expect(BrowserWindow.windows).toHaveLength(1);
    expect(window.loadedUrl).toBe('app://forewarn/index.html');
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(window.webContents.windowOpenHandler).not.toBeNull();
  });

  it('serves every contract channel to its window only', async () => {
    expect([...mockIpc.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    await expect(mockIpc.invoke('app:info', fromWindow())).resolves.toMatchObject({
      name: 'Forewarn',
      shell: 'electron',
      credentialStorage: 'encrypted',
    });
    const stranger = new MockWebContents('app://forewarn/index.html');
    await expect(mockIpc.invoke('app:info', { sender: stranger, senderFrame: { url: stranger.url } })).rejects.toThrow('untrusted');
  });

  it('starts the engine lazily in a utilityProcess and tells the window about crashes', async () => {
    expect(MockUtilityProcess.forked).toHaveLength(0);
    await expect(mockIpc.invoke('engine:status', fromWindow())).resolves.toEqual({ state: 'stopped', restarts: 0 });

    const detected = mockIpc.invoke('scan:detect-targets', fromWindow());
    await tick();
    const engine = MockUtilityProcess.forked[0]!;
    expect(engine.modulePath).toMatch(/engine-worker\.js$/);
    expect(engine.options).toMatchObject({ serviceName: 'forewarn-engine' });
    engine.emit('message', { type: 'ready', pid: 1 });
    await tick();
    const ask = engine.posted[0] as { type: string; requestId: string };
    expect(ask.type).toBe('detect-targets');
    engine.emit('message', { type: 'detected-targets', requestId: ask.requestId, targets: ['10.20.0.0/24'] });
    await expect(detected).resolves.toEqual(['10.20.0.0/24']);

    engine.emit('exit', 139);
    await tick();
    const statuses = window.webContents.sent.filter((m) => m.channel === 'engine:status').map((m) => m.args[0]);
    expect(statuses.map((s) => (s as { state: string }).state)).toEqual(['starting', 'ready', 'crashed']);
    expect((statuses.at(-1) as { lastError: string }).lastError).toContain('exited with code 139');
  });

  it('focuses the existing window on a second launch and stops the engine before quitting', async () => {
    window.minimized = true;
    app.emit('second-instance');
    expect(window.minimized).toBe(false);

    let prevented = false;
    app.emit('before-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(mockApp.quitCalled).toBe(true);
  });
});
