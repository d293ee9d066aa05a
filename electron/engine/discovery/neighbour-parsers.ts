/**
 * Parsers for the OS neighbour (ARP) tables. Each returns only resolved
 * unicast entries: incomplete/failed rows, all-zero MACs and group
 * (broadcast/multicast) MACs are dropped, since none of them is a host.
 */
import { normaliseMac } from '../../../shared/topology/mac';

export interface NeighbourEntry {
  ip: string;
  /** Lower-case, colon-separated, two digits per octet. */
  mac: string;
  /** The OS's word for the entry, lower-case: reachable, stale, permanent, dynamic, static, complete… */
  state: string;
  /** Interface name (Linux/macOS) or the local interface address (Windows), when known. */
  interface: string | null;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Normalises "0:1b:21:a:4f:c2", "00-1B-21-0A-4F-C2" or "001b.210a.4fc2" to
 * "00:1b:21:0a:4f:c2" (the shared canonical form). Returns null for anything
 * else, for all-zero and for group addresses (the I/G bit marks broadcast and
 * multicast): an ARP entry with one of those is not a host.
 */
export function unicastMac(text: string): string | null {
  const mac = normaliseMac(text);
  if (!mac || mac === '00:00:00:00:00:00' || (parseInt(mac.slice(0, 2), 16) & 1) === 1) return null;
  return mac;
}

function entry(ip: string, rawMac: string, state: string, iface: string | null): NeighbourEntry | null {
  if (!IPV4.test(ip)) return null;
  const mac = unicastMac(rawMac);
  return mac ? { ip, mac, state, interface: iface } : null;
}

function collect(lines: string[], parseLine: (line: string) => NeighbourEntry | null): NeighbourEntry[] {
  return lines.map(parseLine).filter((e): e is NeighbourEntry => e !== null);
}

/** ATF_COM: the entry is resolved. ATF_PERM: it was configured by hand. */
const ATF_COM = 0x02;
const ATF_PERM = 0x04;

/** Linux /proc/net/arp ("IP address  HW type  Flags  HW address  Mask  Device"). */
export function parseProcNetArp(text: string): NeighbourEntry[] {
  return collect(text.split('\n').slice(1), (line) => {
    const [ip, , flags, mac, , device] = line.trim().split(/\s+/);
    if (!ip || !flags || !mac) return null;
    const f = parseInt(flags, 16);
    if ((f & ATF_COM) === 0) return null;
    return entry(ip, mac, f & ATF_PERM ? 'permanent' : 'complete', device ?? null);
  });
}

/** Rows of /proc/net/arp, resolved or not: what the kernel's table holds for this namespace. */
export function countProcNetArpRows(text: string): number {
  return text.split('\n').slice(1).filter((line) => line.trim().length > 0).length;
}

/** States of `ip neigh` whose lladdr is a live answer (INCOMPLETE/FAILED/NONE have none worth keeping). */
const IP_NEIGH_RESOLVED = new Set(['reachable', 'stale', 'delay', 'probe', 'permanent', 'noarp']);

/** Linux `ip -4 neigh show`: "10.0.0.1 dev eth0 lladdr aa:bb:.. [router] REACHABLE". */
export function parseIpNeigh(text: string): NeighbourEntry[] {
  return collect(text.split('\n'), (line) => {
    const cols = line.trim().split(/\s+/);
    const ip = cols[0] ?? '';
    const lladdr = cols.indexOf('lladdr');
    const dev = cols.indexOf('dev');
    const state = (cols[cols.length - 1] ?? '').toLowerCase();
    if (lladdr < 0 || !IP_NEIGH_RESOLVED.has(state)) return null;
    return entry(ip, cols[lladdr + 1] ?? '', state, dev >= 0 ? (cols[dev + 1] ?? null) : null);
  });
}

/** Windows `arp -a` type words, by display language; anything else is kept as written. */
const WINDOWS_ARP_TYPES: Readonly<Record<string, string>> = {
  dynamic: 'dynamic',
  dynamisch: 'dynamic',
  dynamique: 'dynamic',
  dinámico: 'dynamic',
  dinamico: 'dynamic',
  static: 'static',
  statisch: 'static',
  statique: 'static',
  estático: 'static',
  statico: 'static',
};

/**
 * Windows `arp -a` in any language: interface headers are "<word>: <ip> --- 0x<n>",
 * rows are "<ip> <aa-bb-cc-dd-ee-ff> <type>"; we key on that shape, not on words.
 */
export function parseWindowsArp(text: string): NeighbourEntry[] {
  let iface: string | null = null;
  const header = /^\S.*?:\s*(\d{1,3}(?:\.\d{1,3}){3})\s+---\s+0x[0-9a-f]+/i;
  const row = /^\s+(\d{1,3}(?:\.\d{1,3}){3})\s+([0-9a-f]{2}(?:-[0-9a-f]{2}){5})\s+(\S+)/i;
  return collect(text.split(/\r?\n/), (line) => {
    const h = header.exec(line);
    if (h) {
      iface = h[1]!;
      return null;
    }
    const r = row.exec(line);
    if (!r) return null;
    const word = r[3]!.toLowerCase();
    return entry(r[1]!, r[2]!, WINDOWS_ARP_TYPES[word] ?? word, iface);
  });
}

/** macOS/BSD `arp -an`: "? (10.0.0.1) at a4:91:b1:3c:20:7e on en0 ifscope [permanent] [ethernet]". */
export function parseBsdArp(text: string): NeighbourEntry[] {
  const row = /\((\d{1,3}(?:\.\d{1,3}){3})\) at ([0-9a-f:]+) on (\S+)(.*)$/i;
  return collect(text.split('\n'), (line) => {
    const r = row.exec(line);
    if (!r) return null; // "(incomplete)" rows do not match the MAC pattern
    return entry(r[1]!, r[2]!, /\bpermanent\b/.test(r[4]!) ? 'permanent' : 'dynamic', r[3]!);
  });
}
