/** A large routed range is swept with one echo request an address; only what answers gets SNMP. */
import { describe, expect, it } from 'vitest';
import { LARGE_ROUTED_RANGE } from '../../../electron/engine/scan/discovery';
import { runScan } from '../../../electron/engine/scan/run-scan';
import type { EngineScanRequest } from '../../../shared/scan-request';
import { fakeProbes, type FakeHost } from './fake-probes';

const size = LARGE_ROUTED_RANGE + 904; // 5,000 routed addresses
const addresses = Array.from({ length: size }, (_, i) => `10.78.${i >> 8}.${i & 255}`);
const hosts: Record<string, FakeHost> = {
  '10.78.0.7': { ping: { alive: true }, snmp: { sysName: 'branch-sw', sysDescr: 'Cisco IOS' } },
  '10.78.17.200': { ping: { alive: true } },
  // Drops ping, answers SNMP: a large sweep does not find it (the price of one packet an address).
  '10.78.3.3': { ping: { alive: false }, snmp: { sysName: 'quiet', sysDescr: 'Linux' } },
};

const request: EngineScanRequest = {
  scanId: 'sweep',
  targets: ['10.78.0.0/16'],
  credentials: { communities: ['public'], v3Users: [] },
  preset: 'quick',
  confirmations: { allowLarge: true, allowPublic: false },
  limits: { concurrency: 16, timeoutMs: 50, packetsPerSecond: 1_000_000, tcpProbe: false },
  interfaceSampleMs: 0,
};

async function sweep(cheapPings: boolean, concurrency = request.limits.concurrency) {
  const probes = fakeProbes(hosts, addresses, 50, { cheapPings });
  const started = performance.now();
  const document = await runScan({ ...request, limits: { ...request.limits, concurrency } }, { probes, emit: () => {}, signal: new AbortController().signal, generatorVersion: 'test' });
  return { document, probes, ms: performance.now() - started };
}

describe('a large routed range', () => {
  it('with cheap pings: one echo an address, many in flight; SNMP only for the hosts that answered', async () => {
    const { document, probes, ms } = await sweep(true);
    expect(document.devices.map((d) => d.ip)).toEqual(['10.78.0.7', '10.78.17.200']);
    expect(document.devices[0]).toMatchObject({ sysName: 'branch-sw', reachability: { icmp: { alive: true }, snmp: { version: 'v2c' } } });
    expect(probes.calls.ping).toBe(size); // each address once: the sweep's answer is reused, not asked again
    expect(probes.calls.snmp).toBe(2);
    // 5,000 silent 50 ms waits 16 at a time would take 15 s.
    expect(ms).toBeLessThan(3000);
    expect(document.scan.status).toBe('completed');
  });

  it('without them (a process per ping): every address gets the full probe, as on a small range', async () => {
    const { document, probes } = await sweep(false, 500);
    expect(document.devices.map((d) => d.ip)).toEqual(['10.78.0.7', '10.78.3.3', '10.78.17.200']);
    expect(probes.calls.snmp).toBe(size);
  });
});
