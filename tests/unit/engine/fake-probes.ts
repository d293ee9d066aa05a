/** A scripted network for orchestrator tests: each address has canned answers and delays. */
import type { EngineProbes, PingOutcome, SnmpOutcome, TargetPlanView } from '../../../electron/engine/probes';
import type { SnmpSource } from '../../../electron/engine/snmp/source';
import { sleep } from '../../../electron/engine/util/pacing';
import type { DeviceError } from '../../../shared/scan-document';
import type { HealthReadings } from '../../../shared/health/schema';
import { emptyTopologyFacts } from '../../../shared/topology/facts';
import type { HostHints } from '../../../electron/engine/discovery/host-hints';

export interface FakeHost {
  ping?: { alive: boolean; delayMs?: number };
  mac?: string;
  /** Neighbour-table entry appears this long after the scan starts. */
  arpAfterMs?: number;
  /**
   * The table held an entry for it before the scan, which the OS re-confirms
   * this long after the start (never, if omitted: the host has left).
   */
  oldEntry?: { confirmedAfterMs?: number };
  snmp?: { sysName: string; sysDescr: string; delayMs?: number; volumePercent?: number; loops?: boolean } | { errors: DeviceError[] };
  tcpOpen?: number[];
  /** What it says of itself without SNMP (mDNS, NetBIOS, UPnP, web). */
  hints?: Partial<HostHints>;
}

const emptySource: SnmpSource = {
  label: 'fake',
  get: async (oids) => oids.map(() => null),
  walk: async () => ({ rows: [], truncated: false }),
};

export interface FakeNetworkOptions {
  /** Whether pings cost no process each (the echo helper runs); off by default. */
  cheapPings?: boolean;
  /** The OS's ARP retransmit time (default 1 s). */
  arpRetransmitMs?: number;
}

export function fakeProbes(hosts: Record<string, FakeHost>, addresses: string[], pingTimeoutMs = 50, network: FakeNetworkOptions = {}): EngineProbes & { closed: string[]; calls: { ping: number; snmp: number; tcpPorts: Array<readonly number[] | undefined>; hints: string[] } } {
  const closed: string[] = [];
  const calls = { ping: 0, snmp: 0, tcpPorts: [] as Array<readonly number[] | undefined>, hints: [] as string[] };
  const wait = (ms: number, signal: AbortSignal) => sleep(ms, signal);
  return {
    closed,
    calls,
    pingsAreCheap: async () => network.cheapPings ?? false,
    async planTargets(specs, confirmations) {
      if (specs.includes('bad')) throw new Error('Target "bad" is not an address, range, CIDR block or hostname.');
      if (specs.includes('8.8.8.0/24') && !confirmations.allowPublic) throw new Error('Target "8.8.8.0/24" is public: confirm it.');
      const plan: TargetPlanView = { ranges: [], total: addresses.length, specs, addresses: () => addresses.values() };
      return plan;
    },
    detectLocalSubnets: () => ['10.0.0.0/29'],
    resolvesByArp: (ip) => Boolean(hosts[ip]?.mac),
    isOwnAddress: () => false,
    async ping(ip, { signal }): Promise<PingOutcome> {
      calls.ping += 1;
      const host = hosts[ip];
      if (host?.ping?.alive) {
        await wait(host.ping.delayMs ?? 1, signal);
        return { alive: true, rttMs: 1, lossPercent: 0 };
      }
      await wait(pingTimeoutMs, signal);
      return { alive: false, rttMs: null, lossPercent: 100 };
    },
    watchNeighbours(_plan, { signal }, onNeighbour) {
      const reported = new Set<string>();
      const report = (ip: string) => {
        if (reported.has(ip) || signal.aborted) return;
        reported.add(ip);
        onNeighbour(ip, hosts[ip]!.mac!);
      };
      const withMac = Object.entries(hosts).filter(([, h]) => h.mac);
      const appearing = withMac.filter(([, h]) => h.arpAfterMs !== undefined).map(([ip, h]) => [ip, h.arpAfterMs!] as const);
      const old = withMac.filter(([, h]) => h.oldEntry).map(([ip]) => ip);
      const reconfirmed = withMac.filter(([, h]) => h.oldEntry?.confirmedAfterMs !== undefined).map(([ip, h]) => [ip, h.oldEntry!.confirmedAfterMs!] as const);
      const timers = [...appearing, ...reconfirmed].map(([ip, ms]) => setTimeout(() => report(ip), ms));
      return {
        primed: Promise.resolve(),
        retransmitMs: Promise.resolve(network.arpRetransmitMs ?? 1000),
        unconfirmed: Promise.resolve(old),
        confirm(ip) {
          if (old.includes(ip)) report(ip);
        },
        stop: async () => timers.forEach(clearTimeout),
      };
    },
    async probeSnmp(ip, _credentials, { signal }) {
      calls.snmp += 1;
      const snmp = hosts[ip]?.snmp;
      if (!snmp) {
        await wait(pingTimeoutMs, signal);
        return { outcome: null, errors: [{ code: 'snmp-timeout', message: 'no answer' }] };
      }
      if ('errors' in snmp) return { outcome: null, errors: snmp.errors };
      await wait(snmp.delayMs ?? 1, signal);
      const outcome: SnmpOutcome = {
        source: {
          ...emptySource,
          label: snmp.sysName,
          walk: async () => (snmp.loops ? { rows: [], truncated: false, error: { code: 'walk-loop', message: 'OID did not increase' } } : { rows: [], truncated: false }),
        },
        version: 'v2c',
        credentialLabel: 'community #1',
        system: { sysName: snmp.sysName, sysDescr: snmp.sysDescr, sysObjectID: '1.3.6.1.4.1.9.1.1', uptimeSeconds: 100, sysContact: null, sysLocation: null },
        close: () => closed.push(ip),
      };
      return { outcome, errors: [] };
    },
    async tcpProbe(ip, options) {
      calls.tcpPorts.push(options.ports);
      const open = (hosts[ip]?.tcpOpen ?? []).filter((port) => !options.ports || options.ports.includes(port));
      return { alive: open.length > 0, open };
    },
    async nameServices(ip) {
      calls.hints.push(ip);
      return { mdns: hosts[ip]?.hints?.mdns ?? null, netbios: hosts[ip]?.hints?.netbios ?? null, ssdp: hosts[ip]?.hints?.ssdp ?? null };
    },
    async webHints(ip) {
      return hosts[ip]?.hints?.web ?? null;
    },
    async reverseDns(ip) {
      return hosts[ip] ? `host-${ip.split('.').pop()}.lab` : null;
    },
    defaultGateway: async () => '10.0.0.1',
    async collectHealth(source): Promise<HealthReadings> {
      const host = Object.values(hosts).find((h) => h.snmp && 'sysName' in h.snmp && source.label === h.snmp.sysName);
      const percent = host?.snmp && 'volumePercent' in host.snmp ? host.snmp.volumePercent : undefined;
      const storage = percent === undefined ? [] : [{ name: 'C:\\', kind: 'disk' as const, sizeBytes: 100e9, usedBytes: percent * 1e9, percent, oids: [] }];
      return { sensors: [], supplies: [], storage, cpu: null, memory: null, interfaces: [], ups: null, printer: null, errors: [] };
    },
    async collectTopologyFacts() {
      return emptyTopologyFacts();
    },
    async identify(source, facts, { quick }) {
      // Deep identification walks (and believes whatever a looping agent says first).
      if (source && !quick) await source.walk('1.3.6.1.2.1.43');
      return {
        vendor: facts.mac ? 'FakeVendor' : null,
        type: source ? (quick ? 'iot' : 'switch') : 'unknown',
        model: null,
        firmware: null,
        serial: null,
        evidence: facts.mac ? [{ field: 'vendor', value: 'FakeVendor', rule: 'oui', source: 'mac', observed: facts.mac, weight: 10 }] : [],
      };
    },
  };
}
