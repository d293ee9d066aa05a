/** CISCO-CDP-MIB neighbour cache; cdpCacheIfIndex is already our ifIndex. */
import type { Neighbour, TopologyInterface } from '../../../shared/topology/facts';
import { normaliseMac } from '../../../shared/topology/mac';
import { TOPOLOGY_OIDS as O, WALK_BOUNDS } from './oids';
import { indexParts, walkColumn, type CollectContext } from './walk';
import { asIpv4, asNumber, asText } from '../snmp/varbind-values';

/** cdpCacheAddressType 1 = ip. */
const CDP_ADDRESS_IP = 1;

export async function collectCdp(ctx: CollectContext, interfaces: readonly TopologyInterface[]): Promise<Neighbour[]> {
  const b = WALK_BOUNDS.lldp;
  const deviceIds = await walkColumn(ctx, 'cdpCacheDeviceId', O.cdpCacheDeviceId, b);
  if (deviceIds.size === 0) return [];
  const devicePorts = await walkColumn(ctx, 'cdpCacheDevicePort', O.cdpCacheDevicePort, b);
  const addressTypes = await walkColumn(ctx, 'cdpCacheAddressType', O.cdpCacheAddressType, b);
  const addresses = await walkColumn(ctx, 'cdpCacheAddress', O.cdpCacheAddress, b);
  const platforms = await walkColumn(ctx, 'cdpCachePlatform', O.cdpCachePlatform, b);
  const nameByIfIndex = new Map(interfaces.map((i) => [i.ifIndex, i.name]));

  const neighbours: Neighbour[] = [];
  for (const [index, vb] of deviceIds) {
    const [ifIndex] = indexParts(index);
    const deviceId = asText(vb);
    const addressType = asNumber(addressTypes.get(index));
    const ip = addressType == null || addressType === CDP_ADDRESS_IP ? asIpv4(addresses.get(index)) : null;
    const chassisMac = deviceId ? normaliseMac(deviceId) : null;
    neighbours.push({
      via: 'cdp',
      localPort: ifIndex == null ? null : (nameByIfIndex.get(ifIndex) ?? String(ifIndex)),
      chassisMac,
      chassisId: deviceId,
      // Device ids look like `sw1.example.com(FOC1234X)`; the serial suffix is not part of the name.
      sysName: chassisMac ? null : (deviceId?.replace(/\([^)]*\)\s*$/, '').trim() || null),
      portId: asText(devicePorts.get(index)),
      portMac: null,
      portDesc: null,
      mgmtIps: ip ? [ip] : [],
      platform: asText(platforms.get(index)),
    });
  }
  return neighbours;
}
