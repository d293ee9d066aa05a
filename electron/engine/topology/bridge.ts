/**
 * BRIDGE-MIB / Q-BRIDGE-MIB forwarding tables. Q-BRIDGE first (per VLAN),
 * BRIDGE-MIB when the agent has none (Netdisco and LibreNMS do the same).
 * Bridge ports are mapped to interfaces through dot1dBasePortIfIndex; when
 * that table is missing the bridge port is taken as the ifIndex.
 */
import type { FdbEntry, TopologyInterface } from '../../../shared/topology/facts';
import { isUselessMac, macFromOidIndex } from '../../../shared/topology/mac';
import { FDB_STATUS, TOPOLOGY_OIDS as O, WALK_BOUNDS } from './oids';
import type { SnmpSource } from '../snmp/source';
import { indexParts, walkColumn, type CollectContext } from './walk';
import { asMac, asNumber } from '../snmp/varbind-values';

export interface BridgeFacts {
  bridgeAddress: string | null;
  hasBridgeMib: boolean;
  fdb: FdbEntry[];
  /** dot1dBasePortIfIndex: LLDP's local port numbers are often bridge ports. */
  portToIfIndex: Map<number, number>;
}

/**
 * A source for one VLAN's BRIDGE-MIB view, where the agent keeps one per VLAN
 * (Cisco IOS: community `public@<vid>` in v2c, context `vlan-<vid>` in v3).
 * Return null when no such view can be opened.
 */
export type VlanSourceFactory = (vlan: number) => SnmpSource | null;

/** Cisco reserves 1002–1005 (FDDI/Token Ring defaults); never forwarding Ethernet. */
const RESERVED_VLANS = new Set([1002, 1003, 1004, 1005]);
const VTP_OPERATIONAL = 1;
const MAX_VLAN_CONTEXTS = 64;

export async function collectBridge(ctx: CollectContext, interfaces: readonly TopologyInterface[], vlanSource?: VlanSourceFactory): Promise<BridgeFacts> {
  ctx.signal?.throwIfAborted();
  const [bridgeAddressVb] = await ctx.source.get([O.dot1dBaseBridgeAddress], ctx.signal).catch((error: unknown) => {
    if (ctx.signal?.aborted) throw error;
    return [null];
  });
  const bridgeAddress = asMac(bridgeAddressVb);
  const nameByIfIndex = new Map(interfaces.map((i) => [i.ifIndex, i.name]));
  const portToIfIndex = await readBasePorts(ctx);
  const resolvePort = portResolver(portToIfIndex, nameByIfIndex);

  let fdb = await readQBridge(ctx, resolvePort);
  if (fdb.length === 0) fdb = await readBridge(ctx, resolvePort, null);
  if (vlanSource && !fdb.some((e) => e.vlan != null)) {
    const perVlan = await readPerVlanContexts(ctx, vlanSource, nameByIfIndex);
    if (perVlan.length > 0) fdb = perVlan;
  }
  return {
    bridgeAddress: bridgeAddress && !isUselessMac(bridgeAddress) ? bridgeAddress : null,
    hasBridgeMib: bridgeAddress != null || portToIfIndex.size > 0 || fdb.length > 0,
    fdb,
    portToIfIndex,
  };
}

async function readBasePorts(ctx: CollectContext): Promise<Map<number, number>> {
  const portToIfIndex = new Map<number, number>();
  for (const [index, vb] of await walkColumn(ctx, 'dot1dBasePortIfIndex', O.dot1dBasePortIfIndex, WALK_BOUNDS.interfaces)) {
    const ifIndex = asNumber(vb);
    if (ifIndex != null) portToIfIndex.set(Number(index), ifIndex);
  }
  return portToIfIndex;
}

function portResolver(portToIfIndex: ReadonlyMap<number, number>, nameByIfIndex: ReadonlyMap<number, string>): ResolvePort {
  return (bridgePort) => {
    if (bridgePort === 0) return { ifIndex: null, port: null };
    const mapped = portToIfIndex.get(bridgePort);
    const ifIndex = mapped ?? (portToIfIndex.size === 0 && nameByIfIndex.has(bridgePort) ? bridgePort : null);
    return { ifIndex, port: ifIndex == null ? null : (nameByIfIndex.get(ifIndex) ?? String(ifIndex)) };
  };
}

/**
 * Cisco IOS keeps one BRIDGE-MIB per VLAN: list the operational VLANs
 * (CISCO-VTP-MIB vtpVlanState) and read each VLAN's FDB and bridge-port map
 * through its own view. Bounded to MAX_VLAN_CONTEXTS VLANs.
 */
async function readPerVlanContexts(ctx: CollectContext, vlanSource: VlanSourceFactory, nameByIfIndex: ReadonlyMap<number, string>): Promise<FdbEntry[]> {
  const states = await walkColumn(ctx, 'vtpVlanState', O.vtpVlanState, WALK_BOUNDS.vlans);
  const vlans = [...states]
    .filter(([, vb]) => asNumber(vb) === VTP_OPERATIONAL)
    .map(([index]) => indexParts(index).at(-1)!)
    .filter((vid) => Number.isInteger(vid) && !RESERVED_VLANS.has(vid))
    .sort((a, b) => a - b);
  if (vlans.length > MAX_VLAN_CONTEXTS) ctx.incomplete.push({ table: 'vtpVlanState', reason: `${vlans.length} VLANs, forwarding tables read for the first ${MAX_VLAN_CONTEXTS}` });
  const entries: FdbEntry[] = [];
  for (const vid of vlans.slice(0, MAX_VLAN_CONTEXTS)) {
    const source = vlanSource(vid);
    if (!source) continue;
    const vlanCtx: CollectContext = { source, signal: ctx.signal, incomplete: ctx.incomplete };
    const resolvePort = portResolver(await readBasePorts(vlanCtx), nameByIfIndex);
    entries.push(...(await readBridge(vlanCtx, resolvePort, vid)));
  }
  return entries;
}

type ResolvePort = (bridgePort: number) => { ifIndex: number | null; port: string | null };

async function readQBridge(ctx: CollectContext, resolvePort: ResolvePort): Promise<FdbEntry[]> {
  const ports = await walkColumn(ctx, 'dot1qTpFdbPort', O.dot1qTpFdbPort, WALK_BOUNDS.fdb);
  if (ports.size === 0) return [];
  const statuses = await walkColumn(ctx, 'dot1qTpFdbStatus', O.dot1qTpFdbStatus, WALK_BOUNDS.fdb);
  // FdbId → VID; many agents leave dot1qVlanFdbId empty, and then FdbId = VID.
  const vlanByFdbId = new Map<number, number>();
  for (const [index, vb] of await walkColumn(ctx, 'dot1qVlanFdbId', O.dot1qVlanFdbId, WALK_BOUNDS.vlans)) {
    const vid = indexParts(index).at(-1);
    const fdbId = asNumber(vb);
    if (vid != null && fdbId != null && !vlanByFdbId.has(fdbId)) vlanByFdbId.set(fdbId, vid);
  }
  const entries: FdbEntry[] = [];
  for (const [index, vb] of ports) {
    const parts = indexParts(index);
    const fdbId = parts[0]!;
    const mac = macFromOidIndex(parts.slice(1));
    const entry = toEntry(mac, asNumber(vb), asNumber(statuses.get(index)), vlanByFdbId.get(fdbId) ?? fdbId, resolvePort);
    if (entry) entries.push(entry);
  }
  return entries;
}

async function readBridge(ctx: CollectContext, resolvePort: ResolvePort, vlan: number | null): Promise<FdbEntry[]> {
  const ports = await walkColumn(ctx, 'dot1dTpFdbPort', O.dot1dTpFdbPort, WALK_BOUNDS.fdb);
  if (ports.size === 0) return [];
  const statuses = await walkColumn(ctx, 'dot1dTpFdbStatus', O.dot1dTpFdbStatus, WALK_BOUNDS.fdb);
  const entries: FdbEntry[] = [];
  for (const [index, vb] of ports) {
    const entry = toEntry(macFromOidIndex(indexParts(index)), asNumber(vb), asNumber(statuses.get(index)), vlan, resolvePort);
    if (entry) entries.push(entry);
  }
  return entries;
}

function toEntry(mac: string | null, bridgePort: number | null, status: number | null, vlan: number | null, resolvePort: ResolvePort): FdbEntry | null {
  if (!mac || isUselessMac(mac) || bridgePort == null) return null;
  // Agents that omit the status column report learned entries.
  const decoded = status == null ? 'learned' : (FDB_STATUS[status] ?? 'other');
  return { mac, bridgePort, ...resolvePort(bridgePort), vlan, status: decoded };
}
