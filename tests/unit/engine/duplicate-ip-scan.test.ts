import { describe, expect, it } from 'vitest';
import { runScan } from '../../../electron/engine/scan/run-scan';
import { emptyTopologyFacts, type TopologyFacts } from '../../../shared/topology/facts';
import { ScanDocumentSchema } from '../../../shared/scan-document';
import type { EngineScanRequest } from '../../../shared/scan-request';
import { fakeProbes, type FakeHost } from './fake-probes';

const PI = 'b8:27:eb:00:00:3c';

const hosts: Record<string, FakeHost> = {
  '10.0.0.1': { ping: { alive: true }, mac: '00:1b:54:00:00:01', arpAfterMs: 5, snmp: { sysName: 'gw', sysDescr: 'Cisco IOS' } },
  '10.0.0.5': { ping: { alive: true }, mac: '00:40:8c:00:00:05', arpAfterMs: 5 },
  '10.0.0.6': { ping: { alive: true }, mac: '3c:07:54:00:00:06', arpAfterMs: 5 },
};

/** The router's ARP cache: a Raspberry Pi took 10.0.0.5 from the camera the scan meets there. */
const routerFacts: TopologyFacts = {
  ...emptyTopologyFacts(),
  identityMacs: ['00:1b:54:00:00:01'],
  arp: [
    { ip: '10.0.0.5', mac: PI, ifIndex: 1, type: 'dynamic' },
    { ip: '10.0.0.6', mac: '3c:07:54:00:00:06', ifIndex: 1, type: 'dynamic' },
  ],
};

function request(): EngineScanRequest {
  return {
    scanId: 'dup-1',
    targets: ['10.0.0.0/29'],
    credentials: { communities: ['public'], v3Users: [] },
    preset: 'full',
    confirmations: { allowLarge: false, allowPublic: false },
    limits: { concurrency: 8, timeoutMs: 50, packetsPerSecond: 10_000, tcpProbe: false },
    interfaceSampleMs: 0,
  };
}

describe('runScan files topology duplicate findings', () => {
  it('puts the duplicate IP on the device at that address, with both MACs and their OUI vendors, and scores it', async () => {
    const probes = fakeProbes(hosts, ['10.0.0.1', '10.0.0.5', '10.0.0.6']);
    probes.collectTopologyFacts = async (source) => (source.label === 'gw' ? routerFacts : emptyTopologyFacts());
    const document = await runScan(request(), { probes, emit: () => undefined, signal: new AbortController().signal, generatorVersion: 'test' });
    expect(() => ScanDocumentSchema.parse(document)).not.toThrow();
    const flagged = document.devices.filter((d) => d.findings?.some((f) => f.rule === 'topology.duplicate-ip'));
    expect(flagged.map((d) => d.ip)).toEqual(['10.0.0.5']);
    const dup = flagged[0]!.findings!.find((f) => f.rule === 'topology.duplicate-ip')!;
    expect(dup.subject).toBe('10.0.0.5');
    const rows = dup.evidence.map((e) => `${e.name}: ${String(e.value)}`);
    expect(rows).toContain('ARP lookup by the scanning computer: 10.0.0.5 → 00:40:8c:00:00:05');
    expect(rows).toContain(`ARP table of gw (10.0.0.1): 10.0.0.5 → ${PI}`);
    expect(rows).toContain('00:40:8c:00:00:05 vendor (OUI): Axis (Axis Communications AB)');
    expect(rows).toContain(`${PI} vendor (OUI): Raspberry Pi (Raspberry Pi Foundation)`);
    expect(flagged[0]!.risk?.contributors.map((c) => c.rule)).toContain('topology.duplicate-ip');
    // No device for the intruder: it owns no address.
    expect(document.devices.some((d) => d.mac === PI)).toBe(false);
  });
});
