/**
 * Builds devices and topology facts for a declared wiring, the way real
 * switches would learn it: every switch learns each MAC on its port toward
 * where that MAC lives. Independent of the inference it feeds.
 */
import { blankDevice, type Device } from '../../../shared/scan-document';
import type { FdbEntry, Neighbour, TopologyFacts } from '../../../shared/topology/facts';
import { emptyTopologyFacts } from '../../../shared/topology/facts';

export interface SwitchSpec {
  id: string;
  ip: string;
  mac: string;
  ports: string[];
}
export interface HostSpec {
  id: string;
  ip: string;
  mac: string;
  type?: Device['type'];
  at: { sw: string; port: string } | null;
}
export interface SwitchLinkSpec {
  a: { sw: string; port: string };
  b: { sw: string; port: string };
  /** Which sides run LLDP. */
  lldp: 'both' | 'a' | 'b' | 'none';
}
export interface WiringSpec {
  switches: SwitchSpec[];
  hosts: HostSpec[];
  links: SwitchLinkSpec[];
  /** The router (a host) reads ARP for every host. */
  router?: string;
}

export function device(id: string, ip: string | null, mac: string | null, type: Device['type'], sysName: string | null = id): Device {
  return { ...blankDevice(id, ip), mac, type, sysName };
}

/** The port of `from` on the path toward switch `to` (BFS over switch links). */
function portToward(spec: WiringSpec, from: string, to: string): string | null {
  if (from === to) return null;
  const queue: Array<{ sw: string; firstPort: string | null }> = [{ sw: from, firstPort: null }];
  const seen = new Set([from]);
  while (queue.length > 0) {
    const { sw, firstPort } = queue.shift()!;
    for (const l of spec.links) {
      const pairs: Array<[typeof l.a, typeof l.b]> = [
        [l.a, l.b],
        [l.b, l.a],
      ];
      for (const [here, there] of pairs) {
        if (here.sw !== sw || seen.has(there.sw)) continue;
        const port = firstPort ?? here.port;
        if (there.sw === to) return port;
        seen.add(there.sw);
        queue.push({ sw: there.sw, firstPort: port });
      }
    }
  }
  return null;
}

export function build(spec: WiringSpec): { devices: Device[]; facts: Record<string, TopologyFacts> } {
  const devices: Device[] = [];
  const facts: Record<string, TopologyFacts> = {};
  for (const s of spec.switches) {
    devices.push(device(s.id, s.ip, s.mac, 'switch'));
    const fdb: FdbEntry[] = [];
    const learn = (mac: string, port: string | null) => {
      if (port) fdb.push({ mac, port, bridgePort: s.ports.indexOf(port) + 1, ifIndex: s.ports.indexOf(port) + 1, vlan: 1, status: 'learned' });
    };
    for (const other of spec.switches) if (other.id !== s.id) learn(other.mac, portToward(spec, s.id, other.id));
    for (const h of spec.hosts) if (h.at) learn(h.mac, h.at.sw === s.id ? h.at.port : portToward(spec, s.id, h.at.sw));
    const neighbours: Neighbour[] = [];
    for (const l of spec.links) {
      const sides: Array<['a' | 'b', typeof l.a, typeof l.b]> = [
        ['a', l.a, l.b],
        ['b', l.b, l.a],
      ];
      for (const [side, here, there] of sides) {
        if (here.sw !== s.id || !(l.lldp === 'both' || l.lldp === side)) continue;
        const remote = spec.switches.find((x) => x.id === there.sw)!;
        neighbours.push({ via: 'lldp', localPort: here.port, chassisMac: remote.mac, chassisId: remote.mac, sysName: remote.id, portId: there.port, portMac: null, portDesc: null, mgmtIps: [remote.ip], platform: null });
      }
    }
    facts[s.id] = {
      ...emptyTopologyFacts(),
      identityMacs: [s.mac],
      isBridge: true,
      bridgeAddress: s.mac,
      interfaces: s.ports.map((name, i) => ({ ifIndex: i + 1, name, descr: `port ${name}`, alias: null, mac: null, speedMbps: 1000, duplex: 'full' })),
      fdb,
      neighbours,
    };
  }
  for (const h of spec.hosts) {
    devices.push(device(h.id, h.ip, h.mac, h.type ?? 'workstation'));
    if (h.id === spec.router) {
      facts[h.id] = {
        ...emptyTopologyFacts(),
        identityMacs: [h.mac],
        arp: [...spec.hosts, ...spec.switches].filter((x) => x.id !== h.id).map((x) => ({ ip: x.ip, mac: x.mac, ifIndex: 1, type: 'dynamic' as const })),
      };
    }
  }
  return { devices, facts };
}

/** Removes forwarding entries (simulating ageing). */
export function ageOut(facts: Record<string, TopologyFacts>, sw: string, macs: string[]): void {
  facts[sw] = { ...facts[sw]!, fdb: facts[sw]!.fdb.filter((e) => !macs.includes(e.mac)) };
}

/** Links as comparable strings, direction-free: `a:port—b:port via/confidence`. */
export function linkKeys(links: ReadonlyArray<{ a: { device: string; port: string | null }; b: { device: string; port: string | null }; via: string; confidence: string }>): string[] {
  return links
    .map((l) => {
      const ends = [`${l.a.device}:${l.a.port ?? '?'}`, `${l.b.device}:${l.b.port ?? '?'}`].sort();
      return `${ends[0]} — ${ends[1]} ${l.via}/${l.confidence}`;
    })
    .sort();
}
