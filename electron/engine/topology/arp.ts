/**
 * IP-MIB ARP: ipNetToPhysicalTable (IPv4 rows) and the older
 * ipNetToMediaTable, merged. Routers' tables tie MACs to IPs.
 */
import type { ArpEntry } from '../../../shared/topology/facts';
import { isUselessMac } from '../../../shared/topology/mac';
import { ARP_TYPE, TOPOLOGY_OIDS as O, WALK_BOUNDS } from './oids';
import { indexParts, walkColumn, type CollectContext } from './walk';
import { asMac, asNumber } from '../snmp/varbind-values';

/** InetAddressType ipv4. */
const INET_IPV4 = 1;

export async function collectArp(ctx: CollectContext): Promise<ArpEntry[]> {
  const b = WALK_BOUNDS.arp;
  const byKey = new Map<string, ArpEntry>();
  const add = (entry: ArpEntry) => {
    const key = `${entry.ip}|${entry.mac}`;
    if (!byKey.has(key)) byKey.set(key, entry);
  };

  const physAddrs = await walkColumn(ctx, 'ipNetToPhysicalPhysAddress', O.ipNetToPhysicalPhysAddress, b);
  if (physAddrs.size > 0) {
    const types = await walkColumn(ctx, 'ipNetToPhysicalType', O.ipNetToPhysicalType, b);
    for (const [index, vb] of physAddrs) {
      const parts = indexParts(index);
      // ifIndex.addrType[.len].addr
      if (parts[1] !== INET_IPV4) continue;
      const octets = parts.length === 7 && parts[2] === 4 ? parts.slice(3) : parts.length === 6 ? parts.slice(2) : null;
      const entry = toEntry(parts[0], octets, asMac(vb), asNumber(types.get(index)));
      if (entry) add(entry);
    }
  }

  const mediaAddrs = await walkColumn(ctx, 'ipNetToMediaPhysAddress', O.ipNetToMediaPhysAddress, b);
  if (mediaAddrs.size > 0) {
    const types = await walkColumn(ctx, 'ipNetToMediaType', O.ipNetToMediaType, b);
    for (const [index, vb] of mediaAddrs) {
      const parts = indexParts(index);
      const entry = toEntry(parts[0], parts.length === 5 ? parts.slice(1) : null, asMac(vb), asNumber(types.get(index)));
      if (entry) add(entry);
    }
  }
  return [...byKey.values()];
}

function toEntry(ifIndex: number | undefined, octets: number[] | null, mac: string | null, type: number | null): ArpEntry | null {
  if (!octets || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255) || !mac || isUselessMac(mac)) return null;
  const decoded = type == null ? 'dynamic' : (ARP_TYPE[type] ?? 'other');
  if (decoded === 'invalid') return null;
  return { ip: octets.join('.'), mac, ifIndex: ifIndex ?? null, type: decoded };
}
