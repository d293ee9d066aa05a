/**
 * Lookup tables inference needs: which device owns a MAC, an IP, a name;
 * every device's MACs (its own plus what routers' ARP tables tie to its IP).
 */
import type { Device } from '../scan-document';
import type { TopologyFacts, TopologyInterface } from './facts';
import { isUselessMac, normaliseMac } from './mac';

export interface DeviceIndex {
  byId: Map<string, Device>;
  factsOf: (id: string) => TopologyFacts | undefined;
  macsOf: Map<string, Set<string>>;
  deviceByMac: Map<string, string>;
  /** MACs two devices both claim: kept out of deviceByMac, reported as duplicates. */
  contestedMacs: Map<string, Set<string>>;
  deviceByIp: Map<string, string>;
  deviceByName: Map<string, string>;
  /** ARP rows behind each IP, for evidence. */
  arpSeenBy: Map<string, Array<{ reporter: string; mac: string; ifIndex: number | null }>>;
}

export type FactsInput = Readonly<Record<string, TopologyFacts>> | ReadonlyMap<string, TopologyFacts>;

export function toFactsLookup(facts: FactsInput): (id: string) => TopologyFacts | undefined {
  if (facts instanceof Map) return (id) => facts.get(id);
  const record = facts as Readonly<Record<string, TopologyFacts>>;
  return (id) => (Object.prototype.hasOwnProperty.call(record, id) ? record[id] : undefined);
}

export function indexDevices(devices: readonly Device[], facts: FactsInput): DeviceIndex {
  const factsOf = toFactsLookup(facts);
  const byId = new Map(devices.map((d) => [d.id, d]));
  const arpMacsByIp = new Map<string, Set<string>>();
  const arpSeenBy = new Map<string, Array<{ reporter: string; mac: string; ifIndex: number | null }>>();
  for (const device of devices) {
    for (const row of factsOf(device.id)?.arp ?? []) {
      addTo(arpMacsByIp, row.ip, row.mac);
      const seen = arpSeenBy.get(row.ip) ?? [];
      seen.push({ reporter: device.id, mac: row.mac, ifIndex: row.ifIndex });
      arpSeenBy.set(row.ip, seen);
    }
  }

  const macsOf = new Map<string, Set<string>>();
  const claims = new Map<string, Set<string>>();
  for (const device of devices) {
    const macs = new Set<string>();
    const own = normaliseMac(device.mac);
    if (own) macs.add(own);
    for (const mac of factsOf(device.id)?.identityMacs ?? []) macs.add(mac);
    // A device known only by IP gets its MAC from the routers' ARP tables, when they agree.
    const arp = device.ip ? arpMacsByIp.get(device.ip) : undefined;
    if (macs.size === 0 && arp && arp.size === 1) macs.add([...arp][0]!);
    for (const mac of [...macs]) if (isUselessMac(mac)) macs.delete(mac);
    macsOf.set(device.id, macs);
    for (const mac of macs) addTo(claims, mac, device.id);
  }
  const deviceByMac = new Map<string, string>();
  const contestedMacs = new Map<string, Set<string>>();
  for (const [mac, owners] of claims) {
    if (owners.size === 1) deviceByMac.set(mac, [...owners][0]!);
    else contestedMacs.set(mac, owners);
  }

  const deviceByIp = new Map<string, string>();
  const deviceByName = new Map<string, string>();
  for (const device of devices) {
    if (device.ip && !deviceByIp.has(device.ip)) deviceByIp.set(device.ip, device.id);
    for (const name of [device.sysName, device.hostname, factsOf(device.id)?.lldpLocalSysName]) {
      for (const key of nameKeys(name)) if (!deviceByName.has(key)) deviceByName.set(key, device.id);
    }
  }
  return { byId, factsOf, macsOf, deviceByMac, contestedMacs, deviceByIp, deviceByName, arpSeenBy };
}

/** Full name and the short (first label) form, case-folded: LLDP often sends the FQDN, sysName the short one. */
export function nameKeys(name: string | null | undefined): string[] {
  const full = name?.trim().toLowerCase();
  if (!full) return [];
  const short = full.split('.')[0]!;
  return short && short !== full ? [full, short] : [full];
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}

/** The interface a remote named (by name, description, alias, ifIndex or MAC), as that device names it. */
export function matchPort(interfaces: readonly TopologyInterface[], candidates: Array<string | null>, mac: string | null): TopologyInterface | undefined {
  for (const c of candidates) {
    if (!c) continue;
    const hit = interfaces.find((i) => i.name === c) ?? interfaces.find((i) => i.descr === c || i.alias === c || String(i.ifIndex) === c);
    if (hit) return hit;
  }
  return mac ? interfaces.find((i) => i.mac === mac) : undefined;
}
