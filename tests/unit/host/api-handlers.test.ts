import { describe, expect, it, vi } from 'vitest';
import type { EventChannel } from '../../../shared/ipc-channels';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { connectEngineEvents, createApiHandlers } from '../../../electron/host/api-handlers';
import { createMemoryCredentialVault } from '../../../electron/host/credential-vault';
import { EngineHost } from '../../../electron/host/engine-host';
import { createMemorySettingsRepository } from '../../../electron/host/settings';
import { invokeValidated } from '../../../electron/host/validated-invoke';
import { fakeEngineFactory } from './fake-engine';

function setupServices() {
  const engine = new EngineHost({ createProcess: fakeEngineFactory().create, startAckTimeoutMs: 50 });
  return {
    engine,
    settings: createMemorySettingsRepository(),
    vault: createMemoryCredentialVault(),
    openExternal: async () => {},
    appInfo: { name: 'Forewarn', version: '1.2.3', platform: 'linux', shell: 'electron' as const },
  };
}

function setup() {
  const factory = fakeEngineFactory();
  const engine = new EngineHost({ createProcess: factory.create, startAckTimeoutMs: 50 });
  const settings = createMemorySettingsRepository();
  const vault = createMemoryCredentialVault();
  const openExternal = vi.fn(async (_url: string) => {});
  const handlers = createApiHandlers({
    engine,
    settings,
    vault,
    openExternal,
    appInfo: { name: 'Forewarn', version: '1.2.3', platform: 'linux', shell: 'browser' },
    newScanId: () => 'scan-1',
  });
  return { factory, engine, settings, vault, openExternal, handlers };
}

describe('createApiHandlers', () => {
  it('scan:start resolves profile ids into secrets and sends the limits from settings to the engine', async () => {
    const { factory, engine, settings, vault, handlers } = setup();
    vault.save({ id: 'office', name: 'Office', credentials: { communities: ['s3cret'], v3Users: [] } });
    settings.update({ scan: { ...DEFAULT_SETTINGS.scan, concurrency: 7 } });
    const result = await invokeValidated(handlers, 'scan:start', [
      { targets: ['192.0.2.0/28'], credentialProfileIds: ['office'], preset: 'full', confirmations: {}, client: 'ACME' },
    ]);
    expect(result).toEqual({ scanId: 'scan-1' });
    expect(factory.processes[0]!.received[0]).toEqual({
      type: 'start',
      request: {
        scanId: 'scan-1',
        targets: ['192.0.2.0/28'],
        credentials: { communities: ['s3cret'], v3Users: [] },
        preset: 'full',
        confirmations: { allowLarge: false, allowPublic: false },
        limits: { ...DEFAULT_SETTINGS.scan, concurrency: 7 },
        thresholds: {},
        client: 'ACME',
        // The profile ids (never their secrets) travel too: the document records them for a rescan.
        credentialProfileIds: ['office'],
      },
    });
    await engine.stop();
  });

  it('scan:start sends the rule thresholds and the counter-sample interval from settings', async () => {
    const { factory, engine, settings, handlers } = setup();
    settings.update({ scan: { ...DEFAULT_SETTINGS.scan, interfaceSampleMs: 1500 }, thresholds: { 'storage-full.warnPercent': 98 } });
    await invokeValidated(handlers, 'scan:start', [{ targets: ['192.0.2.0/28'], credentialProfileIds: [], preset: 'full', confirmations: {} }]);
    const { request } = factory.processes[0]!.received[0] as { request: Record<string, unknown> };
    expect(request.thresholds).toEqual({ 'storage-full.warnPercent': 98 });
    expect(request.interfaceSampleMs).toBe(1500);
    // The sample interval travels once, as its own field, not inside the speed limits.
    expect(request.limits).toEqual(DEFAULT_SETTINGS.scan);
    await engine.stop();
  });

  it('scan:start fails before reaching the engine when a profile is unknown', async () => {
    const { factory, handlers } = setup();
    await expect(
      handlers['scan:start']({ targets: [], credentialProfileIds: ['ghost'], preset: 'quick', confirmations: { allowLarge: false, allowPublic: false } }),
    ).rejects.toThrow('Unknown credential profile');
    expect(factory.processes).toHaveLength(0);
  });

  it('app:open-external opens only http(s) URLs', async () => {
    const { handlers, openExternal } = setup();
    await handlers['app:open-external']('https://example.com/docs');
    for (const url of ['file:///etc/passwd', 'smb://nas/share', 'javascript:alert(1)', 'ms-settings:network']) {
      await expect(handlers['app:open-external'](url)).rejects.toThrow('Only http(s)');
    }
    expect(openExternal.mock.calls).toEqual([['https://example.com/docs']]);
  });

  it('device:connect hands the session to the system client, and behind the bridge says to connect by hand', async () => {
    const { handlers } = setup();
    await expect(handlers['device:connect']('ssh', '192.0.2.10')).rejects.toThrow('connect to 192.0.2.10 with your own client');
    const connectRemote = vi.fn(async () => {});
    const desktop = createApiHandlers({ ...setupServices(), connectRemote });
    await desktop['device:connect']('rdp', '192.0.2.11');
    expect(connectRemote).toHaveBeenCalledWith('rdp', '192.0.2.11');
  });

  it('app:info reports whether credentials are persisted', async () => {
    const { handlers } = setup();
    expect(await handlers['app:info']()).toEqual({
      name: 'Forewarn',
      version: '1.2.3',
      platform: 'linux',
      shell: 'browser',
      credentialStorage: 'session-only',
      storageProblems: [],
    });
  });

  it('settings and credentials round-trip through their channels, credentials without secrets', async () => {
    const { handlers } = setup();
    const updated = await handlers['settings:update']({ theme: 'dark' });
    expect(updated.theme).toBe('dark');
    expect((await handlers['settings:get']()).theme).toBe('dark');
    const saved = await handlers['credentials:save']({ id: 'p', name: 'P', credentials: { communities: ['hunter2'], v3Users: [] } });
    expect(saved).toEqual([{ id: 'p', name: 'P', communityCount: 1, v3UserNames: [] }]);
    expect(JSON.stringify(await handlers['credentials:list']())).not.toContain('hunter2');
    expect(await handlers['credentials:delete']('p')).toEqual([]);
  });

  it('engine events and status changes reach the UI sink', async () => {
    const { factory, engine, handlers } = setup();
    const pushed: Array<[EventChannel, unknown]> = [];
    connectEngineEvents(engine, (channel, payload) => pushed.push([channel, payload]));
    expect(await handlers['engine:status']()).toEqual({ state: 'stopped', restarts: 0 });
    const detect = handlers['scan:detect-targets']();
    await new Promise((r) => setTimeout(r, 5));
    const ask = factory.processes[0]!.received[0]!;
    factory.processes[0]!.send({ type: 'detected-targets', requestId: ask.type === 'detect-targets' ? ask.requestId : '', targets: ['10.1.0.0/24'] });
    expect(await detect).toEqual(['10.1.0.0/24']);
    factory.processes[0]!.send({ type: 'event', event: { type: 'phase', scanId: 'x', phase: 'identify' } });
    expect(pushed).toEqual([
      ['engine:status', { state: 'starting', restarts: 0 }],
      ['engine:status', { state: 'ready', restarts: 0 }],
      ['scan:event', { type: 'phase', scanId: 'x', phase: 'identify' }],
    ]);
    await engine.stop();
  });
});
