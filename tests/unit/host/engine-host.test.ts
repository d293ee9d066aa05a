import { afterEach, describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../../shared/ipc-contract';
import type { Device } from '../../../shared/scan-document';
import type { EngineScanRequest } from '../../../shared/scan-request';
import type { ScanEvent } from '../../../shared/scan-events';
import { EngineHost } from '../../../electron/host/engine-host';
import { fakeEngineFactory } from './fake-engine';

const request = (scanId: string, community = 'tops3cret'): EngineScanRequest => ({
  scanId,
  targets: ['127.0.0.1/32'],
  credentials: { communities: [community], v3Users: [] },
  preset: 'quick',
  confirmations: { allowLarge: false, allowPublic: false },
  limits: { concurrency: 4, timeoutMs: 200, packetsPerSecond: 100, tcpProbe: false },
});
const device = (id: string) => ({ id }) as unknown as Device;
const waitFor = async (check: () => boolean, ms = 2000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
};
const fastRestart = { baseDelayMs: 10, maxDelayMs: 40, maxConsecutive: 2, stableAfterMs: 60_000 };

let host: EngineHost | null = null;
afterEach(async () => {
  await host?.stop();
  host = null;
});

describe('EngineHost', () => {
  it('spawns the engine lazily, once, and reuses it across scans', async () => {
    const factory = fakeEngineFactory();
    host = new EngineHost({ createProcess: factory.create });
    expect(factory.processes).toHaveLength(0);
    expect(host.status().state).toBe('stopped');

    const first = host.startScan(request('s1'));
    await waitFor(() => factory.processes[0]?.received.length === 1);
    factory.processes[0]!.send({ type: 'event', event: { type: 'phase', scanId: 's1', phase: 'targets' } });
    await first;
    const second = host.startScan(request('s2'));
    await waitFor(() => factory.processes[0]!.received.length === 2);
    factory.processes[0]!.send({ type: 'event', event: { type: 'phase', scanId: 's2', phase: 'targets' } });
    await second;

    expect(factory.processes).toHaveLength(1);
    expect(factory.processes[0]!.received.map((m) => m.type)).toEqual(['start', 'start']);
    expect(host.status().state).toBe('ready');
  });

  it('forwards scan events to subscribers until they unsubscribe', async () => {
    const factory = fakeEngineFactory();
    host = new EngineHost({ createProcess: factory.create });
    const seen: ScanEvent[] = [];
    const off = host.onScanEvent((e) => seen.push(e));
    const started = host.startScan(request('s1'));
    await waitFor(() => factory.processes[0]?.received.length === 1);
    const engine = factory.processes[0]!;
    engine.send({ type: 'event', event: { type: 'device-found', scanId: 's1', device: device('d1') } });
    await started;
    off();
    engine.send({ type: 'event', event: { type: 'phase', scanId: 's1', phase: 'identify' } });
    expect(seen.map((e) => e.type)).toEqual(['device-found']);
  });

  it('rejects startScan with the engine\'s reason, code and details when the engine refuses the scan', async () => {
    const factory = fakeEngineFactory();
    host = new EngineHost({ createProcess: factory.create });
    const started = host.startScan(request('s1'));
    await waitFor(() => factory.processes[0]?.received.length === 1);
    const error = { code: 'needs-confirmation', message: '10.0.0.0/8 is too large: confirm it', details: { confirmations: ['allowLarge'], spec: '10.0.0.0/8' } } as const;
    factory.processes[0]!.send({ type: 'start-rejected', scanId: 's1', error: { ...error, details: { ...error.details, confirmations: [...error.details.confirmations] } } });
    await expect(started).rejects.toThrow('too large');
    await expect(started).rejects.toMatchObject({ name: 'ForewarnError', code: 'needs-confirmation', details: { confirmations: ['allowLarge'] } });
    // The host has let go of it: cancelling it sends the engine nothing.
    await host.cancelScan('s1');
    expect(factory.processes[0]!.received.map((m) => m.type)).toEqual(['start']);
  });

  it('on a crash: fails running scans, reports crashed, restarts with backoff and reports ready', async () => {
    const factory = fakeEngineFactory();
    host = new EngineHost({ createProcess: factory.create, restart: fastRestart });
    const statuses: EngineStatus[] = [];
    host.onStatus((s) => statuses.push(s));
    const events: ScanEvent[] = [];
    host.onScanEvent((e) => events.push(e));

    const started = host.startScan(request('s1'));
    await waitFor(() => factory.processes[0]?.received.length === 1);
    const engine = factory.processes[0]!;
    engine.send({ type: 'event', event: { type: 'device-found', scanId: 's1', device: device('d1') } });
    engine.send({ type: 'event', event: { type: 'device-found', scanId: 's1', device: device('d2') } });
    await started;

    engine.exit(null, 'killed by SIGSEGV');
    const finished = events.find((e) => e.type === 'scan-finished');
    expect(finished).toMatchObject({ type: 'scan-finished', scanId: 's1', status: 'failed', deviceCount: 2 });
    expect(finished && 'error' in finished ? finished.error : '').toMatch(/engine stopped unexpectedly \(killed by SIGSEGV\)/);
    expect(host.status()).toMatchObject({ state: 'crashed', restarts: 0 });
    expect(host.status().lastError).toContain('SIGSEGV');

    await waitFor(() => host!.status().state === 'ready');
    expect(factory.processes).toHaveLength(2);
    expect(host.status().restarts).toBe(1);
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'ready', 'crashed', 'starting', 'ready']);
    // The failed scan is not carried into the restarted engine.
    await host.cancelScan('s1');
    expect(factory.processes[1]!.received.map((m) => m.type)).not.toContain('cancel');
  });

  it('gives up after too many crashes in a row, and a new request tries again', async () => {
    const factory = fakeEngineFactory(false);
    host = new EngineHost({ createProcess: factory.create, restart: fastRestart });
    const first = host.detectTargets();
    // Each engine dies before saying ready: 1 crash + 2 restarts that also crash.
    factory.processes[0]!.exit(1, 'exited with code 1');
    await expect(first).rejects.toThrow(/failed to start/);
    await waitFor(() => factory.processes.length === 2);
    factory.processes[1]!.exit(1, 'exited with code 1');
    await waitFor(() => factory.processes.length === 3);
    factory.processes[2]!.exit(1, 'exited with code 1');
    await new Promise((r) => setTimeout(r, 100));
    expect(factory.processes).toHaveLength(3);
    expect(host.status()).toMatchObject({ state: 'crashed', restarts: 2 });
    expect(host.status().lastError).toMatch(/automatic restarts stopped/);

    const retry = host.detectTargets();
    await waitFor(() => factory.processes.length === 4);
    const engine = factory.processes[3]!;
    engine.send({ type: 'ready', pid: 4 });
    await waitFor(() => engine.received.length === 1);
    const ask = engine.received[0]!;
    expect(ask.type).toBe('detect-targets');
    engine.send({ type: 'detected-targets', requestId: ask.type === 'detect-targets' ? ask.requestId : '', targets: ['10.9.0.0/24'] });
    await expect(retry).resolves.toEqual(['10.9.0.0/24']);
    expect(host.status()).toMatchObject({ state: 'ready', restarts: 3 });
  });

  it('cancels a running scan through the engine and ignores unknown scans', async () => {
    const factory = fakeEngineFactory();
    host = new EngineHost({ createProcess: factory.create });
    const started = host.startScan(request('s1'));
    await waitFor(() => factory.processes[0]?.received.length === 1);
    factory.processes[0]!.send({ type: 'event', event: { type: 'phase', scanId: 's1', phase: 'targets' } });
    await started;
    await host.cancelScan('nope');
    await host.cancelScan('s1');
    expect(factory.processes[0]!.received.map((m) => m.type)).toEqual(['start', 'cancel']);
    factory.processes[0]!.send({
      type: 'event',
      event: { type: 'scan-finished', scanId: 's1', status: 'cancelled', finishedAt: new Date().toISOString(), deviceCount: 0 },
    });
    // Finished: a second cancel goes nowhere.
    await host.cancelScan('s1');
    expect(factory.processes[0]!.received.map((m) => m.type)).toEqual(['start', 'cancel']);
  });

  it('redacts the running scans\' secrets from engine log lines', async () => {
    const factory = fakeEngineFactory();
    const logs: string[] = [];
    host = new EngineHost({ createProcess: factory.create, log: (_level, message) => logs.push(message) });
    const started = host.startScan(request('s1', 'Sup3rS3cretCommunity'));
    await waitFor(() => factory.processes[0]?.received.length === 1);
    factory.processes[0]!.send({ type: 'log', level: 'warn', message: 'auth failed with community Sup3rS3cretCommunity' });
    factory.processes[0]!.send({ type: 'event', event: { type: 'phase', scanId: 's1', phase: 'targets' } });
    await started;
    expect(logs.join('\n')).not.toContain('Sup3rS3cretCommunity');
    expect(logs.join('\n')).toContain('auth failed with community ••••');
  });

  it('stop() asks the engine to shut down, marks running scans interrupted, and kills it after the grace period', async () => {
    const factory = fakeEngineFactory();
    const events: ScanEvent[] = [];
    const local = new EngineHost({ createProcess: factory.create, shutdownGraceMs: 30 });
    local.onScanEvent((e) => events.push(e));
    const started = local.startScan(request('s1'));
    await waitFor(() => factory.processes[0]?.received.length === 1);
    factory.processes[0]!.exitOnShutdown = false;
    factory.processes[0]!.send({ type: 'event', event: { type: 'phase', scanId: 's1', phase: 'targets' } });
    await started;
    await local.stop();
    expect(factory.processes[0]!.received.at(-1)).toEqual({ type: 'shutdown' });
    expect(factory.processes[0]!.killed).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'scan-finished', status: 'interrupted' });
    expect(local.status().state).toBe('stopped');
    expect(factory.processes).toHaveLength(1);
  });
});

describe('EngineHost documents', () => {
  it('hands the finished scan document to document subscribers', async () => {
    const factory = fakeEngineFactory();
    const local = new EngineHost({ createProcess: factory.create });
    const documents: Array<[string, unknown]> = [];
    local.onScanDocument((scanId, document) => documents.push([scanId, document]));
    await local.start();
    const document = { schemaVersion: 1 } as unknown as Parameters<Parameters<EngineHost['onScanDocument']>[0]>[1];
    factory.processes[0]!.send({ type: 'document', scanId: 's1', document });
    expect(documents).toEqual([['s1', { schemaVersion: 1 }]]);
    await local.stop();
  });
});
