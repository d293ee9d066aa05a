/**
 * Duplicate addresses seen in the tables (issue 5): one IP address answered
 * by two machines, or one MAC address learned in two places that no link
 * explains. Pure, like the inference that calls it.
 *
 * Sources for "which MAC answers this IP": every ARP table read over SNMP
 * (routers, layer-3 switches) and the scan's own ARP lookup (`device.mac`).
 * One table holds one row per IP, so a conflict shows as tables that
 * disagree: each cache keeps whichever machine answered it last.
 *
 * Normal situations that are NOT duplicates:
 * - one host with several IPs: one MAC behind two IPs is one machine;
 * - a machine seen by several of its own MACs (a router whose interfaces
 *   share or split MACs, a multi-NIC server): MACs a device reports as its
 *   own (ifPhysAddress, bridge address) are one machine;
 * - first-hop redundancy (VRRP, HSRP, GLBP): virtual MACs are shared by
 *   design and reused in every VLAN with the same group number;
 * - one MAC in different VLANs: switches learn per VLAN (router on a stick).
 */
import { clean } from '../assessment/device-label';
import type { Device } from '../scan-document';
import type { FindingEvidence } from '../health/schema';
import { topologyFinding, type TopologyFinding } from './findings';
import type { DeviceIndex } from './index-devices';
import { normaliseMac, virtualRouterProtocol } from './mac';

/** ipNetToMediaPhysAddress: the collector merges ipNetToPhysicalTable into the same rows. */
const ARP_PHYS_ADDRESS_OID = '1.3.6.1.2.1.4.22.1.2';
/** dot1qTpFdbPort (BRIDGE-MIB dot1dTpFdbPort rows are merged into the same view). */
const FDB_PORT_OID = '1.3.6.1.2.1.17.7.1.2.2.1.2';
const LEARNED = new Set(['learned', 'mgmt', 'other']);

export interface DuplicateInputs {
  devices: readonly Device[];
  ix: DeviceIndex;
  /** Managed switches (device ids). */
  bridges: readonly string[];
  isUplink: (bridge: string, port: string) => boolean;
}

/** Where a MAC is learned on an edge port, with the VLANs it was learned in (null: the table has no VLAN). */
interface EdgeLocation {
  bridge: string;
  port: string;
  vlans: Set<number | null>;
}

export function duplicateFindings(input: DuplicateInputs): TopologyFinding[] {
  const edges = edgeLocations(input);
  return [...duplicateIpFindings(input, edges), ...duplicateMacFindings(input, edges)];
}

function edgeLocations({ ix, bridges, isUplink }: DuplicateInputs): Map<string, EdgeLocation[]> {
  const byMac = new Map<string, EdgeLocation[]>();
  for (const bridge of bridges) {
    for (const e of ix.factsOf(bridge)?.fdb ?? []) {
      if (e.port == null || !LEARNED.has(e.status) || isUplink(bridge, e.port)) continue;
      const list = byMac.get(e.mac) ?? [];
      let at = list.find((l) => l.bridge === bridge && l.port === e.port);
      if (!at) {
        at = { bridge, port: e.port, vlans: new Set() };
        list.push(at);
      }
      at.vlans.add(e.vlan);
      byMac.set(e.mac, list);
    }
  }
  return byMac;
}

// ---------------------------------------------------------------- duplicate IP

interface ArpObservation {
  mac: string;
  /** Evidence row naming who saw it. */
  evidence: FindingEvidence;
}

function duplicateIpFindings(input: DuplicateInputs, edges: ReadonlyMap<string, EdgeLocation[]>): TopologyFinding[] {
  const { ix } = input;
  const observations = new Map<string, ArpObservation[]>();
  const observe = (ip: string, o: ArpObservation) => {
    if (virtualRouterProtocol(o.mac)) return;
    observations.set(ip, [...(observations.get(ip) ?? []), o]);
  };
  for (const [ip, rows] of ix.arpSeenBy) {
    for (const r of rows) {
      const oid = r.ifIndex != null ? `${ARP_PHYS_ADDRESS_OID}.${r.ifIndex}.${ip}` : ARP_PHYS_ADDRESS_OID;
      observe(ip, { mac: r.mac, evidence: { name: `ARP table of ${label(ix.byId.get(r.reporter), r.reporter)}`, value: `${ip} → ${r.mac}`, oid } });
    }
  }
  for (const device of input.devices) {
    const mac = normaliseMac(device.mac);
    if (!device.ip || !mac) continue;
    const name = device.reachability.arp ? 'ARP lookup by the scanning computer' : 'MAC recorded for the device';
    observe(device.ip, { mac, evidence: { name, value: `${device.ip} → ${mac}` } });
  }

  const out: TopologyFinding[] = [];
  for (const [ip, seen] of [...observations].sort(([x], [y]) => x.localeCompare(y, 'en', { numeric: true }))) {
    const macs = [...new Set(seen.map((o) => o.mac))].sort();
    if (macs.length < 2) continue;
    const machines = groupByMachine(macs, ix);
    if (machines.length < 2) continue;
    const holder = ix.deviceByIp.get(ip);
    const involved = machines.flatMap((m) => m.devices);
    // The device the scan found at this address first, then by MAC.
    const ordered = [...macs].sort((a, b) => Number(!ownedBy(ix, a).includes(holder ?? '')) - Number(!ownedBy(ix, b).includes(holder ?? '')) || a.localeCompare(b));
    const evidence: FindingEvidence[] = [];
    for (const mac of ordered) {
      evidence.push(...seen.filter((o) => o.mac === mac).map((o) => o.evidence));
      evidence.push(...macContext(mac, ix, edges, holder));
    }
    out.push({ ...topologyFinding('topology.duplicate-ip', [...(holder ? [holder] : []), ...involved], ip, evidence), macs: ordered });
  }
  return out;
}

/** MACs joined when one device claims both (its own interfaces): each group is one machine. */
function groupByMachine(macs: readonly string[], ix: DeviceIndex): Array<{ macs: string[]; devices: string[] }> {
  const groups: Array<{ macs: string[]; devices: Set<string> }> = [];
  for (const mac of macs) {
    const owners = ownedBy(ix, mac);
    const joined = groups.filter((g) => owners.some((o) => g.devices.has(o)));
    const merged = { macs: [mac, ...joined.flatMap((g) => g.macs)], devices: new Set([...owners, ...joined.flatMap((g) => [...g.devices])]) };
    for (const g of joined) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
  }
  return groups.map((g) => ({ macs: g.macs.sort(), devices: [...g.devices].sort() }));
}

function ownedBy(ix: DeviceIndex, mac: string): string[] {
  const one = ix.deviceByMac.get(mac);
  return one ? [one] : [...(ix.contestedMacs.get(mac) ?? [])];
}

/** Which other device a MAC belongs to and where switches learn it: what a technician needs to find the machine. */
function macContext(mac: string, ix: DeviceIndex, edges: ReadonlyMap<string, EdgeLocation[]>, holder: string | undefined): FindingEvidence[] {
  const rows: FindingEvidence[] = [];
  for (const id of ownedBy(ix, mac)) if (id !== holder) rows.push({ name: `${mac} belongs to`, value: label(ix.byId.get(id), id) });
  const at = edges.get(mac) ?? [];
  for (const l of at) rows.push({ name: `${mac} learned on`, value: `${label(ix.byId.get(l.bridge), l.bridge)} port ${l.port}`, oid: FDB_PORT_OID });
  if (at.length === 0 && ownedBy(ix, mac).length === 0) rows.push({ name: `${mac} learned on`, value: 'no edge port of a managed switch read' });
  return rows;
}

/** The name the device gave itself, with its address; device strings are untrusted, so cleaned of control characters. */
function label(device: Device | undefined, fallback: string): string {
  if (!device) return fallback;
  const name = clean(device.sysName) ?? clean(device.hostname);
  if (name && device.ip && name !== device.ip) return `${name} (${device.ip})`;
  return name ?? device.ip ?? fallback;
}

// --------------------------------------------------------------- duplicate MAC

function duplicateMacFindings(input: DuplicateInputs, edges: ReadonlyMap<string, EdgeLocation[]>): TopologyFinding[] {
  const { ix } = input;
  const out: TopologyFinding[] = [];
  for (const [mac, locations] of [...edges].sort(([x], [y]) => x.localeCompare(y))) {
    const owners = ownedBy(ix, mac);
    // Only MACs of devices the scan knows: an unknown station's stale entry after a move is noise.
    if (owners.length === 0 || locations.length < 2 || virtualRouterProtocol(mac)) continue;
    if (!sameBroadcastDomainTwice(locations) || ownsOnSeveralInterfaces(ix, owners, mac)) continue;
    out.push({
      ...topologyFinding(
        'topology.duplicate-mac',
        [...owners, ...locations.map((l) => l.bridge)],
        mac,
        locations.map((l) => ({ name: `Forwarding table of ${label(ix.byId.get(l.bridge), l.bridge)}`, value: `${mac} on edge port ${l.port}${vlanText(l.vlans)}`, oid: FDB_PORT_OID })),
      ),
      macs: [mac],
    });
  }
  const reported = new Set(out.map((f) => f.finding.subject));
  for (const [mac, claimants] of [...ix.contestedMacs].sort(([x], [y]) => x.localeCompare(y))) {
    const ids = [...claimants].sort();
    if (reported.has(mac) || virtualRouterProtocol(mac) || !distinctMachines(ids.map((id) => ix.byId.get(id)))) continue;
    out.push({
      ...topologyFinding(
        'topology.duplicate-mac',
        ids,
        mac,
        ids.map((id) => {
          const d = ix.byId.get(id);
          return { name: `MAC of ${label(d, id)}`, value: `${mac}${d?.serial ? `, serial ${d.serial}` : ''}` };
        }),
      ),
      macs: [mac],
    });
  }
  return out;
}

/** Two locations that could be in one VLAN (a table without VLANs could be any). */
function sameBroadcastDomainTwice(locations: readonly EdgeLocation[]): boolean {
  for (let i = 0; i < locations.length; i += 1) {
    for (let j = i + 1; j < locations.length; j += 1) {
      const a = locations[i]!.vlans;
      const b = locations[j]!.vlans;
      if (a.has(null) || b.has(null) || [...a].some((v) => b.has(v))) return true;
    }
  }
  return false;
}

/** A router or bridge that reports the MAC on two of its own interfaces may well be plugged in twice. */
function ownsOnSeveralInterfaces(ix: DeviceIndex, owners: readonly string[], mac: string): boolean {
  return owners.some((id) => (ix.factsOf(id)?.interfaces.filter((i) => i.mac === mac).length ?? 0) >= 2);
}

/**
 * Two device records with one MAC are one machine with two addresses unless
 * the machines say otherwise: different serial numbers or different names.
 */
function distinctMachines(devices: ReadonlyArray<Device | undefined>): boolean {
  const known = devices.filter((d): d is Device => d != null);
  const differ = (pick: (d: Device) => string | null) => new Set(known.map(pick).filter((v): v is string => v != null)).size >= 2;
  return differ((d) => d.serial?.trim().toLowerCase() || null) || differ((d) => d.sysName?.trim().toLowerCase().split('.')[0] || null);
}

function vlanText(vlans: ReadonlySet<number | null>): string {
  const ids = [...vlans].filter((v): v is number => v != null).sort((a, b) => a - b);
  return ids.length > 0 ? ` (VLAN ${ids.join(', ')})` : '';
}
