/** IF-MIB names, MACs, speed and duplex: the vocabulary every other table is mapped onto. */
import type { TopologyInterface } from '../../../shared/topology/facts';
import { isUselessMac } from '../../../shared/topology/mac';
import { DUPLEX_STATUS, TOPOLOGY_OIDS as O, WALK_BOUNDS } from './oids';
import { walkColumn, type CollectContext } from './walk';
import { asMac, asNumber, asText } from '../snmp/varbind-values';

/** ifSpeed saturates at 2^32-1 bps: the agent then means "see ifHighSpeed". */
const IF_SPEED_SATURATED = 4_294_967_295;

export async function collectTopologyInterfaces(ctx: CollectContext): Promise<TopologyInterface[]> {
  const b = WALK_BOUNDS.interfaces;
  const names = await walkColumn(ctx, 'ifName', O.ifName, b);
  const descrs = await walkColumn(ctx, 'ifDescr', O.ifDescr, b);
  const aliases = await walkColumn(ctx, 'ifAlias', O.ifAlias, b);
  const macs = await walkColumn(ctx, 'ifPhysAddress', O.ifPhysAddress, b);
  const speeds = await walkColumn(ctx, 'ifSpeed', O.ifSpeed, b);
  const highSpeeds = await walkColumn(ctx, 'ifHighSpeed', O.ifHighSpeed, b);
  const duplexes = await walkColumn(ctx, 'dot3StatsDuplexStatus', O.dot3StatsDuplexStatus, b);

  const indexes = new Set<string>([...names.keys(), ...descrs.keys()]);
  const result: TopologyInterface[] = [];
  for (const index of indexes) {
    const ifIndex = Number(index);
    if (!Number.isInteger(ifIndex)) continue;
    const descr = asText(descrs.get(index));
    const name = asText(names.get(index)) ?? descr ?? String(ifIndex);
    const mac = asMac(macs.get(index));
    result.push({
      ifIndex,
      name,
      descr,
      alias: asText(aliases.get(index)),
      mac: mac && !isUselessMac(mac) ? mac : null,
      speedMbps: speedMbps(asNumber(speeds.get(index)), asNumber(highSpeeds.get(index))),
      duplex: DUPLEX_STATUS[asNumber(duplexes.get(index)) ?? 1] ?? null,
    });
  }
  return result.sort((x, y) => x.ifIndex - y.ifIndex);
}

function speedMbps(ifSpeedBps: number | null, ifHighSpeedMbps: number | null): number | null {
  if (ifHighSpeedMbps != null && ifHighSpeedMbps > 0) return ifHighSpeedMbps;
  if (ifSpeedBps == null || ifSpeedBps <= 0 || ifSpeedBps >= IF_SPEED_SATURATED) return null;
  return ifSpeedBps / 1_000_000;
}
