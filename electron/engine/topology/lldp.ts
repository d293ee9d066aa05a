/**
 * LLDP-MIB: the local chassis and port table, and what each neighbour says
 * about itself (chassis id, port id, system name, management addresses).
 */
import type { Neighbour, TopologyInterface } from '../../../shared/topology/facts';
import { normaliseMac } from '../../../shared/topology/mac';
import { LLDP_CHASSIS_SUBTYPE, LLDP_PORT_SUBTYPE, TOPOLOGY_OIDS as O, WALK_BOUNDS } from './oids';
import { indexParts, walkColumn, type CollectContext } from './walk';
import { asIpv4, asMac, asNumber, asText } from '../snmp/varbind-values';

export interface LldpFacts {
  localChassisId: string | null;
  localChassisMac: string | null;
  localSysName: string | null;
  neighbours: Neighbour[];
}

export async function collectLldp(
  ctx: CollectContext,
  interfaces: readonly TopologyInterface[],
  bridgePortToIfIndex: ReadonlyMap<number, number>,
): Promise<LldpFacts> {
  ctx.signal?.throwIfAborted();
  const [subtypeVb, chassisVb, sysNameVb] = await ctx.source
    .get([O.lldpLocChassisIdSubtype, O.lldpLocChassisId, O.lldpLocSysName], ctx.signal)
    .catch((error: unknown) => {
      if (ctx.signal?.aborted) throw error;
      return [null, null, null];
    });
  const localChassisMac = asNumber(subtypeVb) === LLDP_CHASSIS_SUBTYPE.macAddress ? asMac(chassisVb) : null;
  const b = WALK_BOUNDS.lldp;
  const remSysNames = await walkColumn(ctx, 'lldpRemSysName', O.lldpRemSysName, b);
  const remChassisIds = await walkColumn(ctx, 'lldpRemChassisId', O.lldpRemChassisId, b);
  const remPortIds = await walkColumn(ctx, 'lldpRemPortId', O.lldpRemPortId, b);
  const rowKeys = new Set([...remSysNames.keys(), ...remChassisIds.keys(), ...remPortIds.keys()]);
  const result: LldpFacts = {
    localChassisId: localChassisMac ?? asText(chassisVb),
    localChassisMac,
    localSysName: asText(sysNameVb),
    neighbours: [],
  };
  if (rowKeys.size === 0) return result;

  const remChassisSubtypes = await walkColumn(ctx, 'lldpRemChassisIdSubtype', O.lldpRemChassisIdSubtype, b);
  const remPortSubtypes = await walkColumn(ctx, 'lldpRemPortIdSubtype', O.lldpRemPortIdSubtype, b);
  const remPortDescs = await walkColumn(ctx, 'lldpRemPortDesc', O.lldpRemPortDesc, b);
  const manAddrs = await walkColumn(ctx, 'lldpRemManAddrTable', O.lldpRemManAddrIfSubtype, b);
  const locPortSubtypes = await walkColumn(ctx, 'lldpLocPortIdSubtype', O.lldpLocPortIdSubtype, b);
  const locPortIds = await walkColumn(ctx, 'lldpLocPortId', O.lldpLocPortId, b);
  const locPortDescs = await walkColumn(ctx, 'lldpLocPortDesc', O.lldpLocPortDesc, b);

  const ipsByRow = new Map<string, string[]>();
  for (const index of manAddrs.keys()) {
    const parsed = parseManAddrIndex(index);
    if (!parsed) continue;
    const list = ipsByRow.get(parsed.row) ?? [];
    if (!list.includes(parsed.ip)) list.push(parsed.ip);
    ipsByRow.set(parsed.row, list);
  }

  const localPortName = (portNum: number): string | null => {
    const key = String(portNum);
    const locSubtype = asNumber(locPortSubtypes.get(key));
    const locId = locSubtype === LLDP_PORT_SUBTYPE.macAddress ? null : asText(locPortIds.get(key));
    const byText = matchInterface(interfaces, [locId, asText(locPortDescs.get(key))]);
    if (byText) return byText;
    const ifIndex = bridgePortToIfIndex.get(portNum) ?? portNum;
    const byIndex = interfaces.find((i) => i.ifIndex === ifIndex);
    return byIndex?.name ?? locId ?? asText(locPortDescs.get(key));
  };

  for (const key of [...rowKeys].sort(compareIndexes)) {
    const [, localPortNum] = indexParts(key);
    const row = rowKey(key);
    const chassisSubtype = asNumber(remChassisSubtypes.get(key));
    const portSubtype = asNumber(remPortSubtypes.get(key));
    const chassisMac = chassisSubtype === LLDP_CHASSIS_SUBTYPE.macAddress ? asMac(remChassisIds.get(key)) : null;
    const portMac = portSubtype === LLDP_PORT_SUBTYPE.macAddress ? asMac(remPortIds.get(key)) : null;
    const mgmtIps = [...(ipsByRow.get(row) ?? [])];
    const chassisIp = chassisSubtype === LLDP_CHASSIS_SUBTYPE.networkAddress ? networkAddress(remChassisIds.get(key)?.value) : null;
    if (chassisIp && !mgmtIps.includes(chassisIp)) mgmtIps.push(chassisIp);
    result.neighbours.push({
      via: 'lldp',
      localPort: localPortNum == null ? null : localPortName(localPortNum),
      chassisMac,
      chassisId: chassisMac ?? asText(remChassisIds.get(key)),
      sysName: asText(remSysNames.get(key)),
      portId: portMac ?? portIdText(remPortIds.get(key)),
      portMac,
      portDesc: asText(remPortDescs.get(key)),
      mgmtIps,
      platform: null,
    });
  }
  return result;
}

/** lldpRemTable rows are keyed timeMark.localPort.remIndex; the time mark changes, the rest identifies the neighbour. */
function rowKey(index: string): string {
  return indexParts(index).slice(1, 3).join('.');
}

function compareIndexes(a: string, b: string): number {
  const pa = indexParts(a);
  const pb = indexParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** timeMark.localPort.remIndex.addrSubtype[.len].addr: IPv4 only (subtype 1). */
export function parseManAddrIndex(index: string): { row: string; ip: string } | null {
  const parts = indexParts(index);
  if (parts.length < 8 || parts[3] !== 1) return null;
  const rest = parts.slice(4);
  const octets = rest.length === 5 && rest[0] === 4 ? rest.slice(1) : rest.length === 4 ? rest : null;
  if (!octets || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) return null;
  return { row: parts.slice(1, 3).join('.'), ip: octets.join('.') };
}

/** Port ids named as interface names are sometimes sent hex-encoded; asText already decoded them. */
function portIdText(vb: Parameters<typeof asText>[0]): string | null {
  return asText(vb);
}

/** LLDP networkAddress: one IANA address-family octet (1 = IPv4) then the address. */
function networkAddress(value: unknown): string | null {
  if (!(value instanceof Uint8Array) || value.length !== 5 || value[0] !== 1) return null;
  return asIpv4({ oid: '', type: 'octets', value: value.subarray(1) });
}

function matchInterface(interfaces: readonly TopologyInterface[], candidates: Array<string | null>): string | null {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const mac = normaliseMac(candidate);
    const hit = interfaces.find((i) => i.name === candidate || i.descr === candidate || (mac != null && i.mac === mac));
    if (hit) return hit.name;
  }
  return null;
}
