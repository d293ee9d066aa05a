/**
 * MAC address normalisation. Agents hand MACs over as 6 raw octets, as
 * hex text in several spellings, or as an OID index; everything downstream
 * compares the one canonical form `aa:bb:cc:dd:ee:ff`.
 */

const HEX_PAIR = /^[0-9a-f]{1,2}$/;

/** Canonical lower-case colon form, or null when the input is not a plausible unicast/multicast MAC. */
export function normaliseMac(input: string | Uint8Array | readonly number[] | null | undefined): string | null {
  if (input == null) return null;
  if (typeof input !== 'string') return macFromOctets(input);
  const text = input.trim().toLowerCase();
  if (text === '') return null;
  // 0011.2233.4455 (Cisco) and 001122334455 (bare)
  const bare = text.replace(/[.\s]/g, '');
  if (/^[0-9a-f]{12}$/.test(bare)) return macFromOctets(bare.match(/../g)!.map((h) => parseInt(h, 16)));
  const parts = text.split(/[:-\s]/);
  if (parts.length === 6 && parts.every((p) => HEX_PAIR.test(p))) return macFromOctets(parts.map((h) => parseInt(h, 16)));
  return null;
}

function macFromOctets(octets: Uint8Array | readonly number[]): string | null {
  // Some agents prefix the 6 octets with a length octet (Netdisco's "06:" repair).
  const bytes = octets.length === 7 && octets[0] === 6 ? Array.from(octets).slice(1) : Array.from(octets);
  if (bytes.length !== 6 || bytes.some((b) => !Number.isInteger(b) || b < 0 || b > 255)) return null;
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** A MAC that identifies nothing: all zeros, broadcast. */
export function isUselessMac(mac: string): boolean {
  return mac === '00:00:00:00:00:00' || mac === 'ff:ff:ff:ff:ff:ff';
}

/** Parses six decimal OID sub-identifiers (an FDB index) as a MAC. */
export function macFromOidIndex(subIds: readonly number[]): string | null {
  return macFromOctets(subIds);
}

/**
 * First-hop redundancy MACs: shared by design between the routers of a group
 * and reused in every VLAN that runs the same group number, so one IP behind
 * several of them, or one of them in several places, is no conflict.
 */
export const VIRTUAL_ROUTER_MAC_PREFIXES: ReadonlyArray<{ prefix: string; protocol: string }> = [
  { prefix: '00:00:5e:00:01:', protocol: 'VRRP (IPv4) / CARP' },
  { prefix: '00:00:5e:00:02:', protocol: 'VRRP (IPv6)' },
  { prefix: '00:00:0c:07:ac:', protocol: 'HSRP v1' },
  { prefix: '00:00:0c:9f:f', protocol: 'HSRP v2' },
  { prefix: '00:07:b4:00:', protocol: 'GLBP' },
];

/** The redundancy protocol whose virtual MAC this is, else null. Expects the canonical form. */
export function virtualRouterProtocol(mac: string): string | null {
  return VIRTUAL_ROUTER_MAC_PREFIXES.find((v) => mac.startsWith(v.prefix))?.protocol ?? null;
}
