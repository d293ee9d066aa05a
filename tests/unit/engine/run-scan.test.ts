import { describe, expect, it } from 'vitest';
import { runScan, ScanRejectedError } from '../../../electron/engine/scan/run-scan';
import { ScanDocumentSchema } from '../../../shared/scan-document';
import type { ScanEvent } from '../../../shared/scan-events';
import type { EngineScanRequest } from '../../../shared/scan-request';
import { fakeProbes, type FakeHost } from './fake-probes';
import { identifyDevice } from '../../../electron/engine/identify/identify';

const addresses = Array.from({ length: 20 }, (_, i) => `10.0.0.${i + 1}`);

function request(overrides: Partial<EngineScanRequest> = {}): EngineScanRequest {
  return {
    scanId: 'scan-1',
    targets: ['10.0.0.0/27'],
    credentials: { communities: ['s3cret-community'], v3Users: [] },
    preset: 'full',
    confirmations: { allowLarge: false, allowPublic: false },
    limits: { concurrency: 8, timeoutMs: 50, packetsPerSecond: 10_000, tcpProbe: true },
    interfaceSampleMs: 0,
    ...overrides,
  };
}

const office: Record<string, FakeHost> = {
  '10.0.0.1': { ping: { alive: true }, mac: '00:00:0c:00:00:01', arpAfterMs: 5, snmp: { sysName: 'gw', sysDescr: 'Cisco IOS', volumePercent: 97 } },
  '10.0.0.5': { ping: { alive: true }, mac: '00:00:0c:00:00:05', arpAfterMs: 5 },
  // Drops ICMP, no SNMP: only the neighbour table knows it.
  '10.0.0.7': { ping: { alive: false }, mac: '00:00:0c:00:00:07', arpAfterMs: 20 },
  // Answers garbage on 161.
  '10.0.0.9': { snmp: { errors: [{ code: 'snmp-malformed', message: 'BER decode failed in reply to s3cret-community' }] } },
  // An agent whose walks loop.
  '10.0.0.13': { ping: { alive: true }, snmp: { sysName: 'esp', sysDescr: 'lwIP', volumePercent: 99, loops: true } },
  // Drops ICMP, but has an open TCP port.
  '10.0.0.11': { tcpOpen: [445] },
};

async function scan(req: EngineScanRequest, hosts = office, signal = new AbortController().signal) {
  const events: ScanEvent[] = [];
  const probes = fakeProbes(hosts, addresses);
  const document = await runScan(req, { probes, emit: (e) => events.push(e), signal, generatorVersion: 'test' });
  return { document, events, probes };
}

describe('runScan', () => {
  it('finds every live host, including ICMP-silent ones, and no phantoms', async () => {
    const { document } = await scan(request());
    expect(document.devices.map((d) => d.ip)).toEqual(['10.0.0.1', '10.0.0.5', '10.0.0.7', '10.0.0.9', '10.0.0.11', '10.0.0.13']);
    const byIp = Object.fromEntries(document.devices.map((d) => [d.ip ?? '', d] as const));
    expect(byIp['10.0.0.7']!.reachability).toMatchObject({ arp: true, icmp: { alive: false } });
    expect(byIp['10.0.0.7']!.mac).toBe('00:00:0c:00:00:07');
    expect(byIp['10.0.0.1']!.sysName).toBe('gw');
    expect(byIp['10.0.0.1']!.reachability.snmp).toEqual({ version: 'v2c', credential: 'community #1' });
    expect(byIp['10.0.0.9']!.errors.map((e) => e.code)).toEqual(['snmp-malformed']);
    expect(byIp['10.0.0.11']!.reachability.tcp).toEqual([445]);
    expect(document.scan.status).toBe('completed');
    expect(() => ScanDocumentSchema.parse(document)).not.toThrow();
  });

  it('on a network it already knows, lists a host of an old neighbour entry once it answers, and leaves a silent one to the OS', async () => {
    const hosts: Record<string, FakeHost> = {
      // Still there: an answer proves it long before the OS would re-check its entry.
      '10.0.0.2': { ping: { alive: true }, mac: '00:00:0c:00:00:02', oldEntry: { confirmedAfterMs: 60_000 } },
      '10.0.0.3': { ping: { alive: false }, mac: '00:00:0c:00:00:03', oldEntry: { confirmedAfterMs: 60_000 }, snmp: { sysName: 'sw', sysDescr: 'Switch' } },
      // Still there but drops everything: the OS's re-check lists it, during or after its probe.
      '10.0.0.4': { ping: { alive: false }, mac: '00:00:0c:00:00:04', oldEntry: { confirmedAfterMs: 20 } },
      '10.0.0.6': { ping: { alive: false }, mac: '00:00:0c:00:00:06', oldEntry: { confirmedAfterMs: 200 } },
      // Gone: its entry is all that is left of it.
      '10.0.0.8': { ping: { alive: false }, mac: '00:00:0c:00:00:08', oldEntry: {} },
    };
    const { document, events } = await scan(request({ preset: 'quick' }), hosts);
    expect(document.devices.map((d) => [d.ip, d.mac])).toEqual([
      ['10.0.0.2', '00:00:0c:00:00:02'],
      ['10.0.0.3', '00:00:0c:00:00:03'],
      ['10.0.0.4', '00:00:0c:00:00:04'],
      ['10.0.0.6', '00:00:0c:00:00:06'],
    ]);
    const byIp = Object.fromEntries(document.devices.map((d) => [d.ip ?? '', d] as const));
    expect(byIp['10.0.0.2']!.reachability).toMatchObject({ arp: true, icmp: { alive: true } });
    expect(byIp['10.0.0.3']!.sysName).toBe('sw');
    expect(byIp['10.0.0.6']!.reachability).toMatchObject({ arp: true, icmp: { alive: false } });
    expect(events.filter((e) => e.type === 'device-found')).toHaveLength(4);
  });

  it("keeps the ARP window open for the answer to the OS's second request, and no longer", async () => {
    const hosts: Record<string, FakeHost> = {
      '10.0.0.2': { ping: { alive: true }, mac: '00:00:0c:00:00:02', arpAfterMs: 5 },
      // First request or reply lost: the OS asks again after its retransmit time (480 ms here), and this one answers.
      '10.0.0.3': { ping: { alive: true }, mac: '00:00:0c:00:00:03', arpAfterMs: 520 },
      // Answers only a later request: past the window.
      '10.0.0.4': { ping: { alive: true }, mac: '00:00:0c:00:00:04', arpAfterMs: 700 },
    };
    const probes = fakeProbes(hosts, addresses, 50, { arpRetransmitMs: 480 });
    const limits = { concurrency: 8, timeoutMs: 500, packetsPerSecond: 10_000, tcpProbe: false };
    const document = await runScan(request({ preset: 'quick', limits }), { probes, emit: () => undefined, signal: new AbortController().signal, generatorVersion: 'test' });
    // The 500 ms window (the scan's timeout) would close 20 ms before that answer: it is stretched to 630 ms.
    expect(document.devices.map((d) => d.ip)).toEqual(['10.0.0.2', '10.0.0.3']);
  });

  it('probes the TCP ports the request lists, else the default ones', async () => {
    const listed = await scan(request({ limits: { concurrency: 8, timeoutMs: 50, packetsPerSecond: 10_000, tcpProbe: true, tcpPorts: [8443, 445] } }));
    expect(new Set(listed.probes.calls.tcpPorts.map((p) => JSON.stringify(p)))).toEqual(new Set(['[8443,445]']));
    expect(listed.document.devices.find((d) => d.ip === '10.0.0.11')!.reachability.tcp).toEqual([445]);
    const defaults = await scan(request());
    expect(defaults.probes.calls.tcpPorts.every((p) => p === undefined)).toBe(true);
  });

  it('asks every host found what it calls itself, and names the ones without SNMP by it', async () => {
    const hosts: Record<string, FakeHost> = {
      ...office,
      '10.0.0.5': { ...office['10.0.0.5']!, hints: { netbios: { name: 'FRONTDESK-PC', workgroup: 'SMITHCO' } } },
      // An SNMP host's own words are not used: its agent says more, and better.
      '10.0.0.1': { ...office['10.0.0.1']!, hints: { netbios: { name: 'NOT-THIS-NAME', workgroup: 'X' } } },
    };
    const probes = fakeProbes(hosts, addresses);
    // No DNS names: the name each gave over NetBIOS would be the one shown. Identification is the real one.
    probes.reverseDns = async () => null;
    probes.identify = (source, facts, options) => identifyDevice(source, facts, options);
    const document = await runScan(request(), { probes, emit: () => undefined, signal: new AbortController().signal, generatorVersion: 'test' });
    const pc = document.devices.find((d) => d.ip === '10.0.0.5')!;
    expect(pc.hostname).toBe('FRONTDESK-PC');
    expect(pc.identification.evidence).toContainEqual(expect.objectContaining({ field: 'hostname', rule: 'name:netbios', source: 'netbios' }));
    // Asked as soon as each host was found (overlapping its SNMP probe), once each.
    expect([...probes.calls.hints].sort()).toEqual(document.devices.map((d) => d.ip!).sort());
    expect(document.devices.find((d) => d.ip === '10.0.0.1')!.hostname).not.toBe('NOT-THIS-NAME');
  });

  it('asks at most 64 hosts over their name services at once, so their sockets never crowd out the probes', async () => {
    const many = Array.from({ length: 200 }, (_, i) => `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`);
    const hosts = Object.fromEntries(many.map((ip) => [ip, { ping: { alive: true } } satisfies FakeHost]));
    const probes = fakeProbes(hosts, many);
    let inFlight = 0;
    let most = 0;
    probes.nameServices = async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
      return { mdns: null, netbios: null, ssdp: null };
    };
    const document = await runScan(request({ targets: ['10.0.0.0/24'], preset: 'quick', limits: { concurrency: 256, timeoutMs: 50, packetsPerSecond: 100_000, tcpProbe: false } }), { probes, emit: () => undefined, signal: new AbortController().signal, generatorVersion: 'test' });
    expect(document.devices).toHaveLength(200);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(64);
  });

  it('streams typed events in a sensible order and never leaks the community', async () => {
    const { events, document } = await scan(request());
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('scan-started');
    expect(types.at(-1)).toBe('scan-finished');
    expect(types).toContain('progress');
    expect(types).toContain('device-error');
    const firstFound = types.indexOf('device-found');
    expect(firstFound).toBeGreaterThan(0);
    expect(types.filter((t) => t === 'device-found')).toHaveLength(document.devices.length);
    expect(JSON.stringify(events)).not.toContain('s3cret-community');
    expect(JSON.stringify(document)).not.toContain('s3cret-community');
  });

  it('identifies with the MAC when the neighbour table knows it, and records evidence', async () => {
    const { document } = await scan(request());
    const gw = document.devices.find((d) => d.ip === '10.0.0.1')!;
    expect(gw.vendor).toBe('FakeVendor');
    expect(gw.type).toBe('switch');
    expect(gw.identification.evidence[0]).toMatchObject({ field: 'vendor', rule: 'oui', source: 'mac' });
    expect(gw.hostname).toBe('host-1.lab');
  });

  it('reads health in a full assessment and turns it into findings and risk', async () => {
    const { document } = await scan(request());
    const gw = document.devices.find((d) => d.ip === '10.0.0.1')!;
    expect(gw.storage?.[0]?.percent).toBe(97);
    expect(gw.findings?.find((f) => f.rule === 'storage-full')).toMatchObject({ severity: expect.any(String) });
    expect(gw.risk?.score).toBeGreaterThan(0);
  });

  it('does not believe an agent whose walks loop: no deep identity, no health, one finding about the agent', async () => {
    const { document } = await scan(request());
    const esp = document.devices.find((d) => d.ip === '10.0.0.13')!;
    expect(esp.errors.map((e) => e.code)).toContain('walk-loop');
    expect(esp.type).toBe('iot');
    expect(esp.storage).toBeUndefined();
    expect(esp.findings?.map((f) => f.rule)).toContain('snmp-agent-broken');
    expect(esp.findings?.map((f) => f.rule)).not.toContain('storage-full');
  });

  it('applies threshold overrides from settings', async () => {
    const defaults = await scan(request());
    const relaxed = await scan(request({ thresholds: { 'storage-full.warnPercent': 98, 'storage-full.critPercent': 99 } }));
    const rulesOf = (document: typeof defaults.document) => document.devices.find((d) => d.ip === '10.0.0.1')!.findings!.map((f) => f.rule);
    expect(rulesOf(defaults.document)).toContain('storage-full');
    expect(rulesOf(relaxed.document)).not.toContain('storage-full');
  });

  it('names its phases for what runs: a quick sweep identifies, a full assessment also reads health and wiring', async () => {
    const phasesOf = (events: ScanEvent[]) => events.flatMap((e) => (e.type === 'phase' ? [e.phase] : []));
    expect(phasesOf((await scan(request({ preset: 'quick' }))).events)).toEqual(['discovery', 'identify', 'done']);
    const full = (await scan(request())).events;
    expect(phasesOf(full)).toEqual(['discovery', 'assess', 'done']);
    expect(full.find((e) => e.type === 'phase' && e.phase === 'assess')).toMatchObject({ message: expect.stringMatching(/^Identifying \d+ devices, reading their health and wiring$/) });
  });

  it('quick preset reads no health', async () => {
    const { document } = await scan(request({ preset: 'quick' }));
    expect(document.devices.find((d) => d.ip === '10.0.0.1')!.storage).toBeUndefined();
  });

  it('quick preset skips the TCP probe', async () => {
    const { document } = await scan(request({ preset: 'quick' }));
    expect(document.devices.map((d) => d.ip)).not.toContain('10.0.0.11');
  });

  it('closes every SNMP session it opened', async () => {
    const { probes } = await scan(request());
    expect(probes.closed.sort()).toEqual(['10.0.0.1', '10.0.0.13']);
  });

  it('cancels within a second and leaves a valid partial document', async () => {
    const slowHosts: Record<string, FakeHost> = { ...office, '10.0.0.2': { ping: { alive: true, delayMs: 60_000 } } };
    const controller = new AbortController();
    const events: ScanEvent[] = [];
    const probes = fakeProbes(slowHosts, addresses, 60_000);
    const started = performance.now();
    setTimeout(() => controller.abort(), 100);
    const document = await runScan(request(), { probes, emit: (e) => events.push(e), signal: controller.signal, generatorVersion: 'test' });
    const cancelLatency = performance.now() - started - 100;
    expect(cancelLatency).toBeLessThan(1000);
    expect(document.scan.status).toBe('cancelled');
    expect(events.at(-1)).toMatchObject({ type: 'scan-finished', status: 'cancelled' });
    expect(() => ScanDocumentSchema.parse(document)).not.toThrow();
    expect(document.devices.length).toBeGreaterThan(0);
  });

  it('rejects bad or unconfirmed targets before any event, naming the target', async () => {
    await expect(scan(request({ targets: ['bad'] }))).rejects.toThrow(ScanRejectedError);
    await expect(scan(request({ targets: ['8.8.8.0/24'] }))).rejects.toThrow(/8\.8\.8\.0\/24/);
  });

  it('defaults to the detected local subnets', async () => {
    const { document } = await scan(request({ targets: [] }));
    expect(document.scan.targets).toEqual(['10.0.0.0/29']);
  });
});

describe('walk problems', () => {
  it('are reported once per device and kind, without failing the walk', async () => {
    const { observeWalkProblems } = await import('../../../electron/engine/scan/observed-source');
    const reported: string[] = [];
    const looping = observeWalkProblems(
      {
        label: 'x',
        get: async () => [],
        walk: async () => ({ rows: [], truncated: true, error: { code: 'walk-loop', message: 'OID did not increase' } }),
      },
      (e) => reported.push(e.code),
    );
    const first = await looping.walk('1.3.6.1.2.1.2.2');
    await looping.walk('1.3.6.1.2.1.31');
    expect(first.error?.code).toBe('walk-loop');
    expect(reported).toEqual(['walk-loop']);
  });
});
