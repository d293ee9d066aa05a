import { ipcMain } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiHandlers } from '../../../shared/ipc-contract';
import { INVOKE_CHANNELS } from '../../../shared/ipc-channels';
import { createEventSink, createSenderCheck, registerIpcHandlers } from '../../../electron/main/ipc';
import { isAppUrl } from '../../../electron/main/window';
import { MockWebContents, resetElectronMock, type MockIpcMain } from '../../mocks/electron';

const mockIpc = ipcMain as unknown as MockIpcMain;

function handlersSpy() {
  return Object.fromEntries(INVOKE_CHANNELS.map((c) => [c, vi.fn(async (...args: unknown[]) => ({ channel: c, args }))])) as unknown as ApiHandlers &
    Record<string, ReturnType<typeof vi.fn>>;
}

describe('registerIpcHandlers', () => {
  let ours: MockWebContents;
  let handlers: ReturnType<typeof handlersSpy>;
  const eventFrom = (sender: MockWebContents, frameUrl: string | null = sender.getURL()) => ({
    sender,
    senderFrame: frameUrl === null ? null : { url: frameUrl },
  });

  beforeEach(() => {
    resetElectronMock();
    ours = new MockWebContents('app://forewarn/index.html');
    handlers = handlersSpy();
    registerIpcHandlers(ipcMain, handlers, createSenderCheck((c) => c === (ours as unknown), isAppUrl));
  });

  it('registers exactly the contract channels', () => {
    expect([...mockIpc.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('serves our window with validated arguments', async () => {
    await expect(mockIpc.invoke('scan:cancel', eventFrom(ours), 'scan-1')).resolves.toEqual({ channel: 'scan:cancel', args: ['scan-1'] });
  });

  it('rejects senders that are not our window, or not showing our UI', async () => {
    const stranger = new MockWebContents('app://forewarn/index.html');
    const cases = [
      eventFrom(stranger),
      eventFrom(ours, 'https://evil.example/'),
      eventFrom(ours, 'file:///tmp/index.html'),
      eventFrom(ours, 'app://other/index.html'),
      eventFrom(ours, null),
    ];
    for (const event of cases) {
      await expect(mockIpc.invoke('settings:get', event)).rejects.toThrow('untrusted sender');
    }
    expect(handlers['settings:get']).not.toHaveBeenCalled();
  });

  it('rejects invalid arguments before the handler runs', async () => {
    await expect(mockIpc.invoke('scan:cancel', eventFrom(ours), { $gt: '' })).rejects.toThrow('Invalid arguments');
    await expect(mockIpc.invoke('settings:update', eventFrom(ours), { theme: 'neon' })).rejects.toThrow('Invalid arguments');
    expect(handlers['scan:cancel']).not.toHaveBeenCalled();
    expect(handlers['settings:update']).not.toHaveBeenCalled();
  });

  it('leaves unknown channels unhandled', async () => {
    await expect(mockIpc.invoke('fs:read', eventFrom(ours), '/etc/shadow')).rejects.toThrow('No handler');
  });

  it('unregisters every channel', () => {
    resetElectronMock();
    const off = registerIpcHandlers(ipcMain, handlers, () => true);
    off();
    expect(mockIpc.handlers.size).toBe(0);
  });
});

describe('createEventSink', () => {
  it('sends contract events to live windows only, and drops other channels', () => {
    const live = new MockWebContents();
    const closed = new MockWebContents();
    closed.destroyed = true;
    const sink = createEventSink(() => [live, closed] as never);
    sink('engine:status', { state: 'ready', restarts: 0 });
    sink('not:a-channel' as never, { x: 1 } as never);
    expect(live.sent).toEqual([{ channel: 'engine:status', args: [{ state: 'ready', restarts: 0 }] }]);
    expect(closed.sent).toEqual([]);
  });
});
