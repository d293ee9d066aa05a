/**
 * IPv4 arithmetic on unsigned 32-bit integers. Ranges are inclusive
 * `[start, end]` pairs so a /8 costs two numbers, never sixteen million strings.
 */

export type Ipv4Range = readonly [start: number, end: number];

const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Strict dotted-quad → uint32; null if malformed. Leading zeros are refused (they mean octal to inet_aton). */
export function parseIpv4(text: string): number | null {
  const m = DOTTED_QUAD.exec(text);
  if (!m) return null;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const part = m[i]!;
    if (part.length > 1 && part.startsWith('0')) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

/** Dotted-quad → uint32; throws on malformed input. */
export function ipToInt(ip: string): number {
  const value = parseIpv4(ip);
  if (value === null) throw new TypeError(`not an IPv4 address: ${JSON.stringify(ip)}`);
  return value;
}

export function intToIp(value: number): string {
  return `${(value >>> 24) & 255}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

export function isIpv4(text: string): boolean {
  return parseIpv4(text) !== null;
}

/** Network mask of a prefix length as uint32 (prefix 0 → 0). */
export function prefixMask(prefixLength: number): number {
  return prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
}

/** Inclusive address range of a CIDR block (host bits of `base` are ignored). */
export function cidrRange(base: number, prefixLength: number): Ipv4Range {
  const mask = prefixMask(prefixLength);
  const start = (base & mask) >>> 0;
  const end = (start | (~mask >>> 0)) >>> 0;
  return [start, end];
}

/** Blocks where a technician's own LAN may live (RFC 1918, loopback, CGNAT RFC 6598, link-local). */
export const PRIVATE_BLOCKS: ReadonlyArray<{ cidr: string; why: string }> = [
  { cidr: '10.0.0.0/8', why: 'RFC 1918' },
  { cidr: '172.16.0.0/12', why: 'RFC 1918' },
  { cidr: '192.168.0.0/16', why: 'RFC 1918' },
  { cidr: '127.0.0.0/8', why: 'loopback' },
  { cidr: '100.64.0.0/10', why: 'CGNAT (RFC 6598)' },
  { cidr: '169.254.0.0/16', why: 'link-local' },
];

/** Blocks that never hold a scannable unicast host. */
export const UNSCANNABLE_BLOCKS: ReadonlyArray<{ cidr: string; why: string }> = [
  { cidr: '0.0.0.0/8', why: '"this network"' },
  { cidr: '224.0.0.0/4', why: 'multicast' },
  { cidr: '240.0.0.0/4', why: 'reserved/broadcast' },
];

function blockRanges(blocks: ReadonlyArray<{ cidr: string }>): Ipv4Range[] {
  return blocks.map(({ cidr }) => {
    const [ip, len] = cidr.split('/') as [string, string];
    return cidrRange(ipToInt(ip), Number(len));
  });
}

const PRIVATE_RANGES = mergeRanges(blockRanges(PRIVATE_BLOCKS));
const UNSCANNABLE_RANGES = mergeRanges(blockRanges(UNSCANNABLE_BLOCKS));

/** Sorts and merges overlapping or adjacent ranges. */
export function mergeRanges(ranges: Iterable<Ipv4Range>): Ipv4Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Binary search in merged, sorted ranges. */
export function rangesContain(ranges: readonly Ipv4Range[], value: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const [start, end] = ranges[mid]!;
    if (value < start) hi = mid - 1;
    else if (value > end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** True if every address of [start, end] lies inside the merged `ranges`. */
function rangeCovered(ranges: readonly Ipv4Range[], start: number, end: number): boolean {
  return ranges.some(([s, e]) => s <= start && end <= e);
}

function rangeIntersects(ranges: readonly Ipv4Range[], start: number, end: number): boolean {
  return ranges.some(([s, e]) => s <= end && start <= e);
}

/** An address outside private, loopback, CGNAT, link-local and the unscannable special blocks. */
export function isPublicAddress(ip: string | number): boolean {
  const value = typeof ip === 'number' ? ip : ipToInt(ip);
  return !rangesContain(PRIVATE_RANGES, value) && !rangesContain(UNSCANNABLE_RANGES, value);
}

/** Whether some address of the range is public (ranges are merged, so a private range is inside one block). */
export function rangeHasPublic(start: number, end: number): boolean {
  if (rangeCovered(PRIVATE_RANGES, start, end)) return false;
  // Walk the gaps between private/unscannable blocks that intersect [start, end].
  const excluded = mergeRanges([...PRIVATE_RANGES, ...UNSCANNABLE_RANGES]);
  let cursor = start;
  for (const [s, e] of excluded) {
    if (e < cursor) continue;
    if (s > cursor) return true;
    cursor = e + 1;
    if (cursor > end) return false;
  }
  return cursor <= end;
}

export function rangeHasUnscannable(start: number, end: number): boolean {
  return rangeIntersects(UNSCANNABLE_RANGES, start, end);
}
