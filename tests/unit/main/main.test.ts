import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { app, ipcMain, protocol, shell } from 'electron';
import { beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../../shared/ipc-channels';
import { BrowserWindow, Menu, MockUtilityProcess, MockWebContents, Notification, powerSaveBlocker, resetElectronMock, type MockIpcMain } from '../../mocks/electron';

const mockIpc = ipcMain as unknown as MockIpcMain;
const mockApp = app as unknown as { paths: Record<string, string>; makeReady(): void; quitCalled: boolean };
const tick = () => new Promise((r) => setTimeout(r, 10));

describe('main composition root', () => {
  let window: BrowserWindow;
  const fromWindow = () => ({ sender: window.webContents, senderFrame: { url: window.webContents.getURL() } });

  beforeAll(async () => {
    resetElectronMock();
    mockApp.paths.userData = mkdtempSync(join(tmpdir(), 'forewarn-userdata-'));
    mockApp.paths.logs = join(mockApp.paths.userData, 'logs');
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

  it('sets its own application menu: its commands reach the window, and a development build keeps DevTools', () => {
    const template = Menu.application!.template as Array<{ label?: string; submenu?: Array<{ label?: string; role?: string; click?: () => void }> }>;
    const view = template.find((m) => m.label === 'View')!.submenu!;
    view.find((i) => i.label === 'At Risk')!.click!();
    expect(window.webContents.sent).toContainEqual({ channel: 'app:menu-command', args: [{ kind: 'view', view: 'at-risk' }] });
    // The mock app is not packaged: development keeps DevTools (a packaged one has neither, app-menu.test.ts).
    expect(view.some((i) => i.role === 'toggleDevTools')).toBe(true);
    expect(window.options.webPreferences).toMatchObject({ devTools: true });
  });

  it('keeps a log file in the app\'s logs folder, and Help › Show Logs shows it', async () => {
    const { readFileSync: read, existsSync } = await import('node:fs');
    const logFile = join(mockApp.paths.logs!, 'forewarn.log');
    await expect.poll(() => existsSync(logFile) && read(logFile, 'utf8')).toMatch(/\[info\]\s+Forewarn \S+ started on /);
    const template = Menu.application!.template as Array<{ role?: string; submenu?: Array<{ label?: string; click?: () => void }> }>;
    template.find((m) => m.role === 'help')!.submenu!.find((i) => i.label === 'Show Logs')!.click!();
    expect(shell.showItemInFolder).toHaveBeenCalledWith(logFile);
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

  it('while a scan runs keeps the laptop awake and shows its progress on the taskbar; when it ends, says so if the window is not in front', async () => {
    void mockIpc.invoke('scan:detect-targets', fromWindow()).catch(() => undefined);
    await tick();
    const engine = MockUtilityProcess.forked.at(-1)!;
    engine.emit('message', { type: 'ready', pid: 3 });
    const scan = { id: 'awake-1', startedAt: '2026-12-07T09:00:00.000Z', finishedAt: null, status: 'running', targets: ['10.20.0.0/24'], preset: 'quick', client: 'Harbour Vets', site: 'Quay Street' };
    engine.emit('message', { type: 'event', event: { type: 'scan-started', scanId: 'awake-1', scan, totalAddresses: 254 } });
    engine.emit('message', { type: 'event', event: { type: 'progress', scanId: 'awake-1', phase: 'discovery', done: 254, total: 254, etaMs: null } });
    await tick();
    expect([...powerSaveBlocker.active.values()]).toEqual(['prevent-app-suspension']);
    expect(window.progress).toEqual([0, 0.5]);

    window.focused = false;
    engine.emit('message', { type: 'event', event: { type: 'scan-finished', scanId: 'awake-1', status: 'completed', finishedAt: '2026-12-07T09:01:00.000Z', deviceCount: 3 } });
    await tick();
    expect(powerSaveBlocker.active.size).toBe(0);
    expect(window.progress.at(-1)).toBe(-1);
    expect(Notification.shown).toEqual([{ title: 'Scan finished', body: 'Harbour Vets · Quay Street: 3 devices.' }]);
    window.focused = true;
  });

  it('hands the .forewarn files the OS opens the app with (a second launch, the dock) to the library, and the window takes the results', async () => {
    // The import itself (decoded in a built worker, absent here) is tested in opened-files.test.ts; this is the wiring.
    app.emit('second-instance', {}, ['/opt/Forewarn/forewarn', '--some-flag', '/nowhere/March visit.forewarn', '/nowhere/notes.txt']);
    app.emit('open-file', { preventDefault() {} }, '/nowhere/cut-short.forewarn');
    const taken: Array<{ fileName: string }> = [];
    await expect.poll(async () => {
      taken.push(...((await mockIpc.invoke('app:take-opened-files', fromWindow())) as unknown as Array<{ fileName: string }>));
      return taken.map((t) => t.fileName).sort();
    }).toEqual(['March visit.forewarn', 'cut-short.forewarn']);
    expect(window.webContents.sent).toContainEqual({ channel: 'app:files-opened', args: [null] });
    // Taken once: a second call has nothing left.
    expect(await mockIpc.invoke('app:take-opened-files', fromWindow())).toEqual([]);
  });

  it('focuses the existing window on a second launch, and stops the engine and saves running scans before quitting', async () => {
    window.minimized = true;
    app.emit('second-instance');
    expect(window.minimized).toBe(false);

    // A scan is running: the recorder has saved it once, and a device came in since (throttled, not yet saved).
    void mockIpc.invoke('scan:detect-targets', fromWindow()).catch(() => undefined);
    await tick();
    const engine = MockUtilityProcess.forked.at(-1)!;
    engine.emit('message', { type: 'ready', pid: 2 });
    const scan = { id: 'quit-1', startedAt: '2026-12-03T09:00:00.000Z', finishedAt: null, status: 'running', targets: ['10.20.0.0/24'], preset: 'quick' };
    engine.emit('message', { type: 'event', event: { type: 'scan-started', scanId: 'quit-1', scan, totalAddresses: 254 } });
    const device = { id: '10.20.0.7', ip: '10.20.0.7', mac: null, hostname: null, sysName: null, vendor: null, type: 'unknown', model: null, firmware: null, serial: null, uptimeSeconds: null,
      reachability: { icmp: true, snmp: null }, identification: { evidence: [] }, errors: [] };
    engine.emit('message', { type: 'event', event: { type: 'device-found', scanId: 'quit-1', device } });

    let prevented = false;
    app.emit('before-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await tick();
    expect(engine.posted).toContainEqual({ type: 'shutdown' });
    engine.emit('exit', 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(mockApp.quitCalled).toBe(true);
    // Quit waited for the recorder: the device is on disk, not lost with the process.
    const saved = JSON.parse(readFileSync(join(mockApp.paths.userData!, 'scans', 'quit-1.json'), 'utf8')) as { devices: unknown[] };
    expect(saved.devices).toHaveLength(1);
  });
});
