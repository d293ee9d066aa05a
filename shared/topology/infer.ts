/**
 * Topology inference: devices plus per-device SNMP facts in, links,
 * unmanaged-switch placeholders and findings out. Pure and deterministic, so
 * the engine can simply re-run it whenever another device reports
 * (incremental by recomputation: a few ms for hundreds of devices).
 *
 * Order of trust, as in Netdisco and the Lowekamp/Breitbart line of work:
 * 1. LLDP/CDP neighbours give switch-to-switch (and reported host) links: confirmed.
 * 2. A bridge port behind which another managed switch's MAC is learned, or
 *    that has a neighbour-protocol switch on it, is an uplink; other ports are edges.
 * 3. Switch pairs without a neighbour link are joined through forwarding tables
 *    (the port where each learns the other; a third switch seen behind both
 *    ports means the pair is not adjacent).
 * 4. A host hangs off the edge port that learns it (the smallest one if several);
 *    two or more hosts on one edge port mean an unmanaged switch (placeholder).
 * 5. Forwarding tables age out: a host seen only on uplinks is followed along
 *    the links to the last switch on the way, with port unknown; a host in no
 *    table at all attaches to the segment (the gateway's switch), assumed.
 */
import { blankDevice, type Device } from '../scan-document';
import type { TopologyFacts } from './facts';
import { duplicateFindings } from './duplicates';
import { topologyFinding, type TopologyFinding } from './findings';
import { indexDevices, matchPort, nameKeys, type DeviceIndex, type FactsInput } from './index-devices';
import type { Link, LinkConfidence, LinkSource } from './schema';

export interface InferOptions {
  /** The technician's default gateway: the root of the tree and of "the segment". */
  gatewayIp?: string | null;
}

export interface TopologyResult {
  links: Link[];
  placeholders: Device[];
  findings: TopologyFinding[];
}

interface Draft {
  a: { device: string; port: string | null };
  b: { device: string; port: string | null };
  via: LinkSource;
  confidence: LinkConfidence;
}

/** Per bridge: port name → MACs learned there (union over VLANs). */
type PortTable = Map<string, Set<string>>;
/** One MAC learned on one bridge port; `size` = how many MACs that port learns. */
interface Sighting {
  bridge: string;
  port: string;
  size: number;
  mac: string;
}

const LEARNED = new Set(['learned', 'mgmt', 'other']);
const PLACEHOLDER_PREFIX = 'unmanaged:';

export function inferTopology(devices: readonly Device[], facts: FactsInput, options: InferOptions = {}): TopologyResult {
  const index = indexDevices(devices, facts);
  const bridges = devices.filter((d) => index.factsOf(d.id)?.isBridge).map((d) => d.id).sort();
  const bridgeSet = new Set(bridges);
  const tables = new Map(bridges.map((id) => [id, portTable(index.factsOf(id)!)]));
  const findings: TopologyFinding[] = [];

  // 1. Neighbour protocols: switch-to-switch links (their ports are uplinks) and the hosts they report.
  const drafts = neighbourDrafts(devices, index);
  const { uplinks, placedByNeighbour } = neighbourUplinks(bridges, bridgeSet, drafts);

  // 2. Ports that learn another managed switch's MAC are uplinks.
  const sightings = sightingsOf(bridges, tables);
  const bridgesBehind = bridgesBehindPort(tables, bridgeOwnMacs(bridges, index));
  for (const bridge of bridges) for (const port of tables.get(bridge)!.keys()) if (bridgesBehind(bridge, port).length > 0) uplinks.get(bridge)!.add(port);

  // 3. Switch pairs with no neighbour link, from forwarding tables.
  drafts.push(...fdbBridgeDrafts(bridges, tables, index, drafts, bridgesBehind, uplinks, sightings));
  const isUplink = (bridge: string, port: string) => uplinks.get(bridge)?.has(port) ?? false;

  // 4–5. Hosts: on the edge port that learns them, else followed along the uplinks, else on the segment.
  const hosts = devices.filter((d) => !bridgeSet.has(d.id) && !placedByNeighbour.has(d.id) && !d.id.startsWith(PLACEHOLDER_PREFIX));
  const { attachments, unplaceable } = attachFromTables(hosts, index, sightings, isUplink, (seen) => followUplinks(seen, drafts, bridgeSet, bridgesBehind));
  const root = segmentRoot(bridges, attachments, drafts, devices, tables, options.gatewayIp ?? null);
  if (root) attachToSegment(hosts, attachments, unplaceable, root, index);
  // Groups of managed switches nothing joins to the root's group: on the segment too, by their busiest switch.
  const strandedBridges = root && bridgeSet.has(root) ? strandedGroups(bridges, drafts, bridgeSet, root, tables) : [];

  const placeholders = hangEdgeHosts(attachments, drafts, index);
  for (const [host, at] of [...attachments].sort(([x], [y]) => x.localeCompare(y))) {
    // The switch is read off forwarding tables (the port it hangs on has aged out): inferred, port unknown.
    if (at.how === 'uplink-walk') drafts.push(draft(at.bridge, null, host, null, 'fdb', 'inferred'));
    if (at.how === 'segment') drafts.push(draft(at.bridge, null, host, null, 'arp', 'assumed'));
  }
  for (const bridge of strandedBridges) drafts.push(draft(root!, null, bridge, null, 'arp', 'assumed'));

  const links = finaliseLinks(drafts, index, findings);
  findings.push(...duplicateFindings({ devices, ix: index, bridges, isUplink }));
  return { links, placeholders, findings };
}

/** Where a host hangs. `mac`: the MAC an edge attachment rests on; records sharing it are one machine with several IPs. */
interface Attachment {
  bridge: string;
  port: string | null;
  how: 'edge' | 'uplink-walk' | 'segment';
  mac?: string;
}

/** Ports of switch-to-switch neighbour links are uplinks; a host a switch's neighbour protocol reports is placed already. */
function neighbourUplinks(bridges: readonly string[], bridgeSet: ReadonlySet<string>, drafts: readonly Draft[]): { uplinks: Map<string, Set<string>>; placedByNeighbour: Set<string> } {
  const uplinks = new Map<string, Set<string>>(bridges.map((id) => [id, new Set<string>()]));
  const placedByNeighbour = new Set<string>();
  for (const link of drafts) {
    const aIsBridge = bridgeSet.has(link.a.device);
    const bIsBridge = bridgeSet.has(link.b.device);
    if (aIsBridge && bIsBridge) {
      if (link.a.port) uplinks.get(link.a.device)!.add(link.a.port);
      if (link.b.port) uplinks.get(link.b.device)!.add(link.b.port);
    } else if (aIsBridge || bIsBridge) {
      placedByNeighbour.add(aIsBridge ? link.b.device : link.a.device);
    }
  }
  return { uplinks, placedByNeighbour };
}

/** Where each MAC is learned: one pass over every switch's table. */
function sightingsOf(bridges: readonly string[], tables: ReadonlyMap<string, PortTable>): Map<string, Sighting[]> {
  const sightings = new Map<string, Sighting[]>();
  for (const bridge of bridges) {
    for (const [port, learned] of tables.get(bridge)!) {
      for (const mac of learned) {
        const list = sightings.get(mac) ?? [];
        list.push({ bridge, port, size: learned.size, mac });
        sightings.set(mac, list);
      }
    }
  }
  return sightings;
}

/** Which managed switch owns which MAC. */
function bridgeOwnMacs(bridges: readonly string[], index: DeviceIndex): Map<string, string> {
  const ownerByMac = new Map<string, string>();
  for (const bridge of bridges) for (const mac of index.macsOf.get(bridge) ?? []) if (index.deviceByMac.get(mac) === bridge) ownerByMac.set(mac, bridge);
  return ownerByMac;
}

/** The other managed switches learned behind a switch's port (sorted, memoised: asked for every port and pair). */
function bridgesBehindPort(tables: ReadonlyMap<string, PortTable>, ownerByMac: ReadonlyMap<string, string>): (bridge: string, port: string) => string[] {
  const cache = new Map<string, string[]>();
  return (bridge, port) => {
    const key = `${bridge}\u0000${port}`;
    let found = cache.get(key);
    if (!found) {
      const owners = new Set<string>();
      for (const mac of tables.get(bridge)?.get(port) ?? []) {
        const owner = ownerByMac.get(mac);
        if (owner && owner !== bridge) owners.add(owner);
      }
      found = [...owners].sort();
      cache.set(key, found);
    }
    return found;
  };
}

/**
 * Each host on the smallest edge port that learns one of its MACs; a host seen
 * only on uplinks is followed along them (`follow`); one seen only on uplinks
 * that lead nowhere namable is unplaceable.
 */
function attachFromTables(
  hosts: readonly Device[],
  index: DeviceIndex,
  sightings: ReadonlyMap<string, readonly Sighting[]>,
  isUplink: (bridge: string, port: string) => boolean,
  follow: (seen: readonly Sighting[]) => string | null,
): { attachments: Map<string, Attachment>; unplaceable: Set<string> } {
  const attachments = new Map<string, Attachment>();
  const unplaceable = new Set<string>();
  for (const host of hosts) {
    const seen = [...(index.macsOf.get(host.id) ?? [])].flatMap((mac) => sightings.get(mac) ?? []);
    const edges = seen.filter((o) => !isUplink(o.bridge, o.port));
    if (edges.length > 0) {
      edges.sort((p, q) => p.size - q.size || p.bridge.localeCompare(q.bridge) || p.port.localeCompare(q.port));
      attachments.set(host.id, { bridge: edges[0]!.bridge, port: edges[0]!.port, how: 'edge', mac: edges[0]!.mac });
    } else if (seen.length > 0) {
      const bridge = follow(seen);
      if (bridge) attachments.set(host.id, { bridge, port: null, how: 'uplink-walk' });
      else unplaceable.add(host.id);
    }
  }
  return { attachments, unplaceable };
}

/** Hosts in no forwarding table but known to be on this L2 segment (a MAC from the device or an ARP table): on the root. */
function attachToSegment(hosts: readonly Device[], attachments: Map<string, Attachment>, unplaceable: ReadonlySet<string>, root: string, index: DeviceIndex): void {
  for (const host of hosts) {
    if (attachments.has(host.id) || unplaceable.has(host.id) || root === host.id) continue;
    if ((index.macsOf.get(host.id)?.size ?? 0) === 0) continue;
    attachments.set(host.id, { bridge: root, port: null, how: 'segment' });
  }
}

/**
 * Hosts on edge ports: directly, or behind a placeholder unmanaged switch when
 * two or more machines (distinct MACs) share the port; one machine with two IPs is still one.
 */
function hangEdgeHosts(attachments: ReadonlyMap<string, Attachment>, drafts: Draft[], index: DeviceIndex): Device[] {
  const byEdgePort = new Map<string, { hostIds: string[]; machines: Set<string> }>();
  for (const [host, at] of attachments) {
    if (at.how !== 'edge' || at.port == null) continue;
    const key = `${at.bridge}\u0000${at.port}`;
    const onPort = byEdgePort.get(key) ?? { hostIds: [], machines: new Set<string>() };
    onPort.hostIds.push(host);
    onPort.machines.add(at.mac ?? host);
    byEdgePort.set(key, onPort);
  }
  const placeholders: Device[] = [];
  for (const [key, { hostIds, machines }] of [...byEdgePort].sort(([x], [y]) => x.localeCompare(y))) {
    const [bridge, port] = key.split('\u0000') as [string, string];
    if (machines.size < 2) {
      for (const host of hostIds.sort()) drafts.push(draft(bridge, port, host, null, 'fdb', 'inferred'));
      continue;
    }
    const placeholder = placeholderDevice(bridge, port, machines.size, index);
    placeholders.push(placeholder);
    drafts.push(draft(bridge, port, placeholder.id, null, 'fdb', 'inferred'));
    for (const host of hostIds.sort()) drafts.push(draft(placeholder.id, null, host, null, 'fdb', 'inferred'));
  }
  return placeholders;
}

function draft(a: string, aPort: string | null, b: string, bPort: string | null, via: LinkSource, confidence: LinkConfidence): Draft {
  return { a: { device: a, port: aPort }, b: { device: b, port: bPort }, via, confidence };
}

function portTable(facts: TopologyFacts): PortTable {
  const table: PortTable = new Map();
  for (const e of facts.fdb) {
    if (e.port == null || !LEARNED.has(e.status)) continue;
    const set = table.get(e.port) ?? new Set<string>();
    set.add(e.mac);
    table.set(e.port, set);
  }
  return table;
}

/** LLDP/CDP rows resolved to devices and merged: the two sides of one cable make one link. */
function neighbourDrafts(devices: readonly Device[], ix: DeviceIndex): Draft[] {
  const drafts: Draft[] = [];
  for (const device of devices) {
    for (const n of ix.factsOf(device.id)?.neighbours ?? []) {
      const remote = resolveNeighbour(n, ix);
      if (!remote || remote === device.id) continue;
      const remoteFacts = ix.factsOf(remote);
      const remoteIf = remoteFacts ? matchPort(remoteFacts.interfaces, [n.portId, n.portDesc], n.portMac) : undefined;
      const remotePort = remoteIf?.name ?? (n.portMac ? (n.portDesc ?? n.portId) : (n.portId ?? n.portDesc));
      const [a, b] = device.id < remote ? [{ device: device.id, port: n.localPort }, { device: remote, port: remotePort }] : [{ device: remote, port: remotePort }, { device: device.id, port: n.localPort }];
      const same = drafts.find((d) => d.a.device === a.device && d.b.device === b.device && compatible(d.a.port, a.port) && compatible(d.b.port, b.port));
      if (same) {
        same.a.port ??= a.port;
        same.b.port ??= b.port;
        if (n.via === 'lldp') same.via = 'lldp';
      } else {
        drafts.push({ a, b, via: n.via, confidence: 'confirmed' });
      }
    }
  }
  return drafts;
}

function compatible(x: string | null, y: string | null): boolean {
  return x == null || y == null || x === y;
}

function resolveNeighbour(n: TopologyFacts['neighbours'][number], ix: DeviceIndex): string | null {
  for (const mac of [n.chassisMac, n.portMac]) if (mac && ix.deviceByMac.has(mac)) return ix.deviceByMac.get(mac)!;
  for (const ip of n.mgmtIps) if (ix.deviceByIp.has(ip)) return ix.deviceByIp.get(ip)!;
  for (const key of [...nameKeys(n.sysName), ...nameKeys(n.chassisId)]) if (ix.deviceByName.has(key)) return ix.deviceByName.get(key)!;
  return null;
}

function fdbBridgeDrafts(
  bridges: readonly string[],
  tables: Map<string, PortTable>,
  ix: DeviceIndex,
  existing: readonly Draft[],
  bridgesBehind: (x: string, port: string) => string[],
  uplinks: Map<string, Set<string>>,
  sightings: ReadonlyMap<string, readonly Sighting[]>,
): Draft[] {
  const bridgeSet = new Set(bridges);
  const neighbourPorts = new Set(existing.flatMap((d) => (bridgeSet.has(d.a.device) && bridgeSet.has(d.b.device) ? [`${d.a.device}|${d.a.port}`, `${d.b.device}|${d.b.port}`] : [])));
  const linkedPairs = new Set(existing.map((d) => pairKey(d.a.device, d.b.device)));
  // The port of `x` where `y`'s own MACs are learned (the largest, if several).
  const towardCache = new Map<string, string | null>();
  const portToward = (x: string, y: string): string | null => {
    const key = `${x}\u0000${y}`;
    if (!towardCache.has(key)) towardCache.set(key, computePortToward(x, y));
    return towardCache.get(key)!;
  };
  const computePortToward = (x: string, y: string): string | null => {
    let best: Sighting | null = null;
    for (const mac of ix.macsOf.get(y) ?? []) {
      for (const seen of sightings.get(mac) ?? []) {
        if (seen.bridge === x && (!best || seen.size > best.size || (seen.size === best.size && seen.port < best.port))) best = seen;
      }
    }
    return best?.port ?? null;
  };
  // Lowekamp's C2: the port of `y` where most of the MACs `x` learns elsewhere than `xPort` appear.
  const portByMajority = (y: string, x: string, xPort: string): string | null => {
    const votes = new Map<string, number>();
    for (const [port, macs] of tables.get(x) ?? []) {
      if (port === xPort) continue;
      for (const mac of macs) {
        for (const seen of sightings.get(mac) ?? []) if (seen.bridge === y) votes.set(seen.port, (votes.get(seen.port) ?? 0) + 1);
      }
    }
    const ranked = [...votes].sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0]));
    return ranked[0]?.[0] ?? null;
  };

  const result: Draft[] = [];
  for (const x of bridges) {
    for (const port of [...(tables.get(x)?.keys() ?? [])].sort()) {
      if (neighbourPorts.has(`${x}|${port}`)) continue;
      const behind = bridgesBehind(x, port);
      for (const y of behind) {
        const key = pairKey(x, y);
        if (linkedPairs.has(key)) continue;
        const yPort = portToward(y, x) ?? portByMajority(y, x, port);
        const between = behind.some((z) => {
          if (z === y) return false;
          if (yPort && bridgesBehind(y, yPort).includes(z)) return true;
          const zx = portToward(z, x);
          const zy = portToward(z, y);
          return zx != null && zy != null && zx !== zy;
        });
        if (between) continue;
        linkedPairs.add(key);
        if (yPort) uplinks.get(y)?.add(yPort);
        result.push(x < y ? draft(x, port, y, yPort, 'fdb', 'inferred') : draft(y, yPort, x, port, 'fdb', 'inferred'));
      }
    }
  }
  return result;
}

function pairKey(x: string, y: string): string {
  return x < y ? `${x}|${y}` : `${y}|${x}`;
}

/** Bridge-to-bridge link on a given port, as the other end. */
function acrossLink(drafts: readonly Draft[], bridgeSet: ReadonlySet<string>, bridge: string, port: string): { bridge: string; port: string | null } | null {
  for (const d of drafts) {
    if (!bridgeSet.has(d.a.device) || !bridgeSet.has(d.b.device)) continue;
    if (d.a.device === bridge && d.a.port === port) return { bridge: d.b.device, port: d.b.port };
    if (d.b.device === bridge && d.b.port === port) return { bridge: d.a.device, port: d.a.port };
  }
  return null;
}

/**
 * A host seen only on uplinks (its edge entry aged out): walk from each sighting
 * across the link and on through every switch that still sees it further away;
 * the last switch reached is where it hangs, port unknown. A port with no link
 * on record (LLDP named it differently, say) is crossed to the one switch
 * learned behind it that is linked to this one. A walk that cannot cross ends
 * nowhere: a host is never hung on a switch whose port leads elsewhere. Null
 * when no walk ends anywhere.
 */
function followUplinks(
  seen: ReadonlyArray<{ bridge: string; port: string }>,
  drafts: readonly Draft[],
  bridgeSet: ReadonlySet<string>,
  bridgesBehind: (bridge: string, port: string) => string[],
): string | null {
  const endpoints = new Map<string, number>();
  for (const start of seen) {
    let current = start.bridge;
    let port: string | null = start.port;
    let stranded = false;
    const visited = new Set<string>([current]);
    while (port != null) {
      const next: { bridge: string; port: string | null } | null = acrossLink(drafts, bridgeSet, current, port) ?? soleLinkedBridgeBehind(drafts, current, bridgesBehind(current, port));
      if (!next) {
        stranded = bridgesBehind(current, port).length > 0;
        break;
      }
      if (visited.has(next.bridge)) break;
      current = next.bridge;
      visited.add(current);
      const entry: string | null = next.port;
      port = seen.find((o) => o.bridge === current && o.port !== entry)?.port ?? null;
    }
    if (!stranded) endpoints.set(current, (endpoints.get(current) ?? 0) + 1);
  }
  return [...endpoints].sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0]))[0]?.[0] ?? null;
}

/** Of the switches learned behind a port, the one linked to `bridge` (on any port); null unless exactly one is. */
function soleLinkedBridgeBehind(drafts: readonly Draft[], bridge: string, behind: readonly string[]): { bridge: string; port: string | null } | null {
  const linked = behind.flatMap((other) => {
    const d = drafts.find((x) => (x.a.device === bridge && x.b.device === other) || (x.b.device === bridge && x.a.device === other));
    return d ? [{ bridge: other, port: d.a.device === other ? d.a.port : d.b.port }] : [];
  });
  return linked.length === 1 ? linked[0]! : null;
}

/** "The segment": the switch the gateway hangs on, else the busiest switch, else the gateway itself. */
function segmentRoot(
  bridges: readonly string[],
  attachments: ReadonlyMap<string, { bridge: string }>,
  drafts: readonly Draft[],
  devices: readonly Device[],
  tables: Map<string, PortTable>,
  gatewayIp: string | null,
): string | null {
  const gateway = gatewayIp ? devices.find((d) => d.ip === gatewayIp) : undefined;
  if (gateway) {
    const at = attachments.get(gateway.id);
    if (at) return at.bridge;
    const viaNeighbour = drafts.find((d) => (d.a.device === gateway.id && bridges.includes(d.b.device)) || (d.b.device === gateway.id && bridges.includes(d.a.device)));
    if (viaNeighbour) return viaNeighbour.a.device === gateway.id ? viaNeighbour.b.device : viaNeighbour.a.device;
  }
  if (bridges.length > 0) {
    const size = (b: string) => [...(tables.get(b)?.values() ?? [])].reduce((n, s) => n + s.size, 0);
    return [...bridges].sort((x, y) => size(y) - size(x) || x.localeCompare(y))[0]!;
  }
  return gateway?.id ?? null;
}

/** For each connected group of switches (by switch-to-switch links) without the root: its switch with the largest tables. */
function strandedGroups(bridges: readonly string[], drafts: readonly Draft[], bridgeSet: ReadonlySet<string>, root: string, tables: Map<string, PortTable>): string[] {
  const parent = new Map(bridges.map((b) => [b, b]));
  const find = (x: string): string => {
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  for (const d of drafts) if (bridgeSet.has(d.a.device) && bridgeSet.has(d.b.device)) parent.set(find(d.a.device), find(d.b.device));
  const size = (b: string) => [...(tables.get(b)?.values() ?? [])].reduce((n, macs) => n + macs.size, 0);
  const groups = new Map<string, string[]>();
  for (const b of bridges) groups.set(find(b), [...(groups.get(find(b)) ?? []), b]);
  return [...groups.values()]
    .filter((members) => !members.includes(root))
    .map((members) => members.sort((x, y) => size(y) - size(x) || x.localeCompare(y))[0]!)
    .sort();
}

function placeholderDevice(bridge: string, port: string, hostCount: number, ix: DeviceIndex): Device {
  const owner = ix.byId.get(bridge);
  const ownerName = owner?.sysName ?? owner?.hostname ?? owner?.ip ?? bridge;
  return {
    ...blankDevice(`${PLACEHOLDER_PREFIX}${bridge}:${port}`),
    type: 'unmanaged-switch',
    identification: {
      evidence: [
        {
          field: 'type',
          value: 'unmanaged-switch',
          rule: 'topology:shared-edge-port',
          source: 'fdb',
          observed: `${hostCount} hosts learned on ${ownerName} port ${port}, no managed switch behind it`,
          weight: 1,
        },
      ],
    },
  };
}

/** Dedupes, adds speed and duplex from the switch-side interface, and flags duplex mismatches. */
function finaliseLinks(drafts: readonly Draft[], ix: DeviceIndex, findings: TopologyFinding[]): Link[] {
  const seen = new Set<string>();
  const links: Link[] = [];
  for (const d of drafts) {
    const key = `${d.a.device}|${d.a.port}|${d.b.device}|${d.b.port}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const ifA = d.a.port ? ix.factsOf(d.a.device)?.interfaces.find((i) => i.name === d.a.port) : undefined;
    const ifB = d.b.port ? ix.factsOf(d.b.device)?.interfaces.find((i) => i.name === d.b.port) : undefined;
    if (ifA?.duplex && ifB?.duplex && ifA.duplex !== ifB.duplex) {
      findings.push(
        topologyFinding('topology.duplex-mismatch', [d.a.device, d.b.device], `${d.a.port} ↔ ${d.b.port}`, [
          { name: `${d.a.device} ${d.a.port} duplex`, value: ifA.duplex, oid: '1.3.6.1.2.1.10.7.2.1.19' },
          { name: `${d.b.device} ${d.b.port} duplex`, value: ifB.duplex, oid: '1.3.6.1.2.1.10.7.2.1.19' },
        ]),
      );
    }
    links.push({ a: { ...d.a }, b: { ...d.b }, via: d.via, confidence: d.confidence, speed: ifA?.speedMbps ?? ifB?.speedMbps ?? null, duplex: ifA?.duplex ?? ifB?.duplex ?? null });
  }
  return links;
}
