import { contextBridge, ipcRenderer } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ForewarnApi } from '../../../shared/ipc-contract';
import { createForewarnApi } from '../../../electron/preload/forewarn-api';
import { resetElectronMock, type MockIpcRenderer } from '../../mocks/electron';

const mockRenderer = ipcRenderer as unknown as MockIpcRenderer;

describe('preload', () => {
  beforeEach(() => resetElectronMock());

  it('exposes window.forewarn through the context bridge and nothing else', async () => {
    await import('../../../electron/preload/preload');
    const bridge = contextBridge as unknown as { exposed: Record<string, unknown> };
    expect(Object.keys(bridge.exposed)).toEqual(['forewarn']);
    expect(Object.keys(bridge.exposed.forewarn as object).sort()).toEqual(['invoke', 'on']);
  });

  it('invokes contract channels and refuses others without touching IPC', async () => {
    const api = createForewarnApi(ipcRenderer);
    mockRenderer.invoke.mockResolvedValueOnce({ scanId: 's' });
    await expect(api.invoke('scan:cancel', 's')).resolves.toEqual({ scanId: 's' });
    expect(mockRenderer.invoke).toHaveBeenCalledWith('scan:cancel', 's');
    await expect((api.invoke as (c: string) => Promise<unknown>)('electron-store-get-data')).rejects.toThrow('Unknown channel');
    expect(mockRenderer.invoke).toHaveBeenCalledTimes(1);
  });

  it('strips the IpcRendererEvent from event listeners and unsubscribes', () => {
    const api: ForewarnApi = createForewarnApi(ipcRenderer);
    const received: unknown[][] = [];
    const off = api.on('engine:status', (...args: unknown[]) => received.push(args));
    const rawEvent = { sender: mockRenderer, ports: [] };
    mockRenderer.emit('engine:status', rawEvent, { state: 'ready', restarts: 0 });
    expect(received).toEqual([[{ state: 'ready', restarts: 0 }]]);
    off();
    expect(mockRenderer.listenerCount('engine:status')).toBe(0);
    mockRenderer.emit('engine:status', rawEvent, { state: 'crashed', restarts: 1 });
    expect(received).toHaveLength(1);
  });

  it('refuses subscriptions to channels outside the contract', () => {
    const api = createForewarnApi(ipcRenderer);
    expect(() => (api.on as (c: string, l: () => void) => void)('electron-store-get-data', () => {})).toThrow('Unknown event channel');
    expect(mockRenderer.eventNames()).toEqual([]);
  });
});
