/**
 * BRIDGE-MIB / Q-BRIDGE-MIB forwarding tables. Q-BRIDGE first (per VLAN),
 * BRIDGE-MIB when the agent has none (Netdisco and LibreNMS do the same).
 * Bridge ports are mapped to interfaces through dot1dBasePortIfIndex; when
 * that table is missing the bridge port is taken as the ifIndex.
 */
import type { FdbEntry, TopologyInterface } from '../../../shared/topology/facts';
import { isUselessMac, macFromOidIndex } from '../../../shared/topology/mac';
import { FDB_STATUS, TOPOLOGY_OIDS as O, WALK_BOUNDS } from './oids';
import { asMac, asNumber, indexParts, walkColumn, type CollectContext } from './walk';

export interface BridgeFacts {
  bridgeAddress: string | null;
  hasBridgeMib: boolean;
  fdb: FdbEntry[];
  /** dot1dBasePortIfIndex: LLDP's local port numbers are often bridge ports. */
  portToIfIndex: Map<number, number>;
}

export async function collectBridge(ctx: CollectContext, interfaces: readonly TopologyInterface[]): Promise<BridgeFacts> {
  ctx.signal?.throwIfAborted();
  const [bridgeAddressVb] = await ctx.source.get([O.dot1dBaseBridgeAddress], ctx.signal).catch((error: unknown) => {
    if (ctx.signal?.aborted) throw error;
    return [null];
  });
  const bridgeAddress = asMac(bridgeAddressVb);
  const basePorts = await walkColumn(ctx, 'dot1dBasePortIfIndex', O.dot1dBasePortIfIndex, WALK_BOUNDS.interfaces);
  const portToIfIndex = new Map<number, number>();
  for (const [index, vb] of basePorts) {
    const ifIndex = asNumber(vb);
    if (ifIndex != null) portToIfIndex.set(Number(index), ifIndex);
  }
  const nameByIfIndex = new Map(interfaces.map((i) => [i.ifIndex, i.name]));
  const resolvePort = (bridgePort: number): { ifIndex: number | null; port: string | null } => {
    if (bridgePort === 0) return { ifIndex: null, port: null };
    const mapped = portToIfIndex.get(bridgePort);
    const ifIndex = mapped ?? (portToIfIndex.size === 0 && nameByIfIndex.has(bridgePort) ? bridgePort : null);
    return { ifIndex, port: ifIndex == null ? null : (nameByIfIndex.get(ifIndex) ?? String(ifIndex)) };
  };

  let fdb = await readQBridge(ctx, resolvePort);
  if (fdb.length === 0) fdb = await readBridge(ctx, resolvePort);
  return {
    bridgeAddress: bridgeAddress && !isUselessMac(bridgeAddress) ? bridgeAddress : null,
    hasBridgeMib: bridgeAddress != null || portToIfIndex.size > 0 || fdb.length > 0,
    fdb,
    portToIfIndex,
  };
}

type ResolvePort = (bridgePort: number) => { ifIndex: number | null; port: string | null };

async function readQBridge(ctx: CollectContext, resolvePort: ResolvePort): Promise<FdbEntry[]> {
  const ports = await walkColumn(ctx, 'dot1qTpFdbPort', O.dot1qTpFdbPort, WALK_BOUNDS.fdb);
  if (ports.size === 0) return [];
  const statuses = await walkColumn(ctx, 'dot1qTpFdbStatus', O.dot1qTpFdbStatus, WALK_BOUNDS.fdb);
  // FdbId → VID; many agents leave dot1qVlanFdbId empty, and then FdbId = VID.
  const vlanByFdbId = new Map<number, number>();
  for (const [index, vb] of await walkColumn(ctx, 'dot1qVlanFdbId', O.dot1qVlanFdbId, WALK_BOUNDS.lldp)) {
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

async function readBridge(ctx: CollectContext, resolvePort: ResolvePort): Promise<FdbEntry[]> {
  const ports = await walkColumn(ctx, 'dot1dTpFdbPort', O.dot1dTpFdbPort, WALK_BOUNDS.fdb);
  if (ports.size === 0) return [];
  const statuses = await walkColumn(ctx, 'dot1dTpFdbStatus', O.dot1dTpFdbStatus, WALK_BOUNDS.fdb);
  const entries: FdbEntry[] = [];
  for (const [index, vb] of ports) {
    const entry = toEntry(macFromOidIndex(indexParts(index)), asNumber(vb), asNumber(statuses.get(index)), null, resolvePort);
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
