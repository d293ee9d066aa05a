import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../../../renderer/src/store/app-store';
import type { ScanEvent } from '../../../shared/scan-events';
import { createFakeApi, device, type FakeApi } from './fake-api';

const scanStarted = (scanId: string): ScanEvent => ({
  type: 'scan-started',
  scanId,
  totalAddresses: 254,
  scan: { id: scanId, startedAt: '2026-01-01T00:00:00Z', finishedAt: null, targets: ['10.0.0.0/24'], status: 'running', preset: 'quick' },
});

describe('app store', () => {
  let api: FakeApi;
  let store: AppStore;

  beforeEach(() => {
    vi.useFakeTimers();
    api = createFakeApi({
      'app:info': () => ({ name: 'Forewarn', version: '1', platform: 'linux', shell: 'browser' }),
      'engine:status': () => ({ state: 'ready', restarts: 0 }),
      'settings:get': () => new Promise(() => {}),
      'scan:start': () => ({ scanId: 's1' }),
      'scan:cancel': () => undefined,
    });
    store = createAppStore(api, { flushIntervalMs: 100 });
  });

  afterEach(() => {
    store.dispose();
    vi.useRealTimers();
  });

  it('applies a burst of 1,000 scan events as one state change after the flush interval', () => {
    let changes = 0;
    store.subscribe(() => (changes += 1));

    api.emit('scan:event', scanStarted('s1'));
    for (let i = 0; i < 999; i += 1) {
      api.emit('scan:event', { type: 'device-found', scanId: 's1', device: device({ id: `d${i}`, ip: `10.0.${i >> 8}.${i & 255}` }) });
    }
    expect(changes).toBe(0);
    expect(store.getState().scan).toBeNull();

    vi.advanceTimersByTime(100);
    expect(changes).toBe(1);
    expect(store.getState().scan?.devices).toHaveLength(999);
    expect(store.getState().scan?.totalAddresses).toBe(254);
  });

  it('keeps batching later bursts separately, and updates devices in place', () => {
    api.emit('scan:event', scanStarted('s1'));
    api.emit('scan:event', { type: 'device-found', scanId: 's1', device: device({ id: 'a', ip: '10.0.0.1' }) });
    vi.advanceTimersByTime(100);
    const before = store.getState().scan!;

    api.emit('scan:event', { type: 'device-updated', scanId: 's1', device: device({ id: 'a', ip: '10.0.0.1', vendor: 'HP' }) });
    api.emit('scan:event', { type: 'progress', scanId: 's1', phase: 'discovery', done: 10, total: 254, etaMs: 5000 });
    vi.advanceTimersByTime(100);
    const after = store.getState().scan!;

    expect(after.devices).toHaveLength(1);
    expect(after.devices[0]?.vendor).toBe('HP');
    expect(after.progress).toEqual({ phase: 'discovery', done: 10, total: 254, etaMs: 5000 });
    // The earlier snapshot was not mutated (React relies on it).
    expect(before.devices[0]?.vendor).toBeNull();
  });

  it('startScan invokes scan:start and opens the live view at once', async () => {
    await store.getState().startScan({ targets: ['127.0.0.1/32'], credentialProfileIds: [], preset: 'quick', confirmations: { allowLarge: false, allowPublic: false } });
    expect(api.calls.find((c) => c.channel === 'scan:start')?.args[0]).toMatchObject({ targets: ['127.0.0.1/32'] });
    expect(store.getState().view).toBe('live-scan');
    expect(store.getState().scan).toMatchObject({ scanId: 's1', status: 'running' });
  });

  it('marks a running scan interrupted when the engine crashes, and remembers the restart until acknowledged', () => {
    api.emit('scan:event', scanStarted('s1'));
    vi.advanceTimersByTime(100);
    api.emit('engine:status', { state: 'crashed', restarts: 0, lastError: 'boom' });
    expect(store.getState().scan?.status).toBe('interrupted');

    api.emit('engine:status', { state: 'ready', restarts: 1 });
    expect(store.getState().engine?.restarts).toBe(1);
    expect(store.getState().acknowledgedRestarts).toBe(0);
    store.getState().acknowledgeEngineRestart();
    expect(store.getState().acknowledgedRestarts).toBe(1);
  });

  it('dispose unsubscribes from the bridge', () => {
    expect(api.listenerCount('scan:event')).toBe(1);
    store.dispose();
    expect(api.listenerCount('scan:event')).toBe(0);
    expect(api.listenerCount('engine:status')).toBe(0);
  });
});
