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

describe('app store: pinned map positions', () => {
  const setup = (saveLayout: (...args: unknown[]) => unknown) => {
    const api = createFakeApi({
      'app:info': () => ({ name: 'Forewarn', version: '1', platform: 'linux', shell: 'browser' }),
      'engine:status': () => ({ state: 'ready', restarts: 0 }),
      'settings:get': () => new Promise(() => {}),
      'library:set-layout': saveLayout,
    });
    const store = createAppStore(api, { flushIntervalMs: 100, layoutSaveDelayMs: 400 });
    api.emit('scan:event', scanStarted('s1'));
    store.flushScanEvents();
    return { api, store };
  };
  const layoutSaves = (api: FakeApi) => api.calls.filter((c) => c.channel === 'library:set-layout').map((c) => c.args);

  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves a burst of drags with the scan once, with every pin', () => {
    const { api, store } = setup(() => undefined);
    store.getState().pinDevice('a', { x: 1, y: 2 });
    store.getState().pinDevice('b', { x: 3, y: 4 });
    store.getState().pinDevice('a', { x: 5, y: 6 });
    expect(layoutSaves(api)).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(layoutSaves(api)).toEqual([['s1', { pinned: { a: { x: 5, y: 6 }, b: { x: 3, y: 4 } } }]]);
    expect(store.getState().scan?.pinned).toEqual({ a: { x: 5, y: 6 }, b: { x: 3, y: 4 } });
    store.dispose();
  });

  it('saves an unpin too, and a pending save is not lost when the store closes', () => {
    const { api, store } = setup(() => undefined);
    store.getState().pinDevice('a', { x: 1, y: 2 });
    vi.advanceTimersByTime(400);
    store.getState().pinDevice('a', null);
    store.dispose();
    expect(layoutSaves(api)).toEqual([
      ['s1', { pinned: { a: { x: 1, y: 2 } } }],
      ['s1', { pinned: {} }],
    ]);
  });

  it('tells the technician when the pins could not be saved, and keeps them on the map', async () => {
    const { store } = setup(() => Promise.reject(new Error('This scan is not in the library')));
    store.getState().pinDevice('a', { x: 1, y: 2 });
    await vi.advanceTimersByTimeAsync(400);
    expect(store.getState().appError).toMatch(/could not be saved.*not in the library/);
    expect(store.getState().scan?.pinned).toEqual({ a: { x: 1, y: 2 } });
    store.dispose();
  });
});

describe('files the OS opened the app with', () => {
  it('opens the newest imported one on the at-risk screen, and says which were refused', async () => {
    const document = { schemaVersion: 1, generator: { name: 'forewarn', version: '1' }, scan: { id: 'imported-1', startedAt: '2026-03-01T09:00:00Z', finishedAt: '2026-03-01T09:05:00Z', targets: ['10.0.0.0/24'], status: 'completed', preset: 'full' }, devices: [device({ id: 'a', ip: '10.0.0.1' })] };
    let waiting: unknown[] = [];
    const api = createFakeApi({
      'app:take-opened-files': () => {
        const taken = waiting;
        waiting = [];
        return taken;
      },
      'library:open': (id) => ({ entry: { id }, document, previous: null }),
    });
    const store = createAppStore(api, { flushIntervalMs: 100 });
    await vi.waitFor(() => expect(api.calls.some((c) => c.channel === 'app:take-opened-files')).toBe(true));
    waiting = [{ fileName: 'notes.forewarn', error: 'not a Forewarn assessment.' }, { fileName: 'March.forewarn', scanId: 'imported-1', name: 'March' }];
    api.emit('app:files-opened', null);
    await vi.waitFor(() => expect(store.getState().scan?.scanId).toBe('imported-1'));
    expect(store.getState().view).toBe('at-risk');
    expect(store.getState().appError).toBe('Could not open notes.forewarn: not a Forewarn assessment.');
    store.dispose();
    expect(api.listenerCount('app:files-opened')).toBe(0);
  });
});
