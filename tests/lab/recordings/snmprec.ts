/**
 * A tiny builder for snmpsim `.snmprec` recordings: one `OID|TAG|VALUE` line
 * per object, sorted by OID numerically (snmpsim answers GETNEXT from the file
 * order). Tags: 2 Integer32, 4 OCTET STRING (4x = hex-encoded), 6 OID,
 * 64 IpAddress, 65 Counter32, 66 Gauge32, 67 TimeTicks, 70 Counter64. A tag may
 * carry an snmpsim variation module, e.g. `65:numeric` with value
 * `rate=10,initial=100`.
 */

export interface SnmprecLine {
  oid: string;
  tag: string;
  value: string;
}

const PRINTABLE = /^[\x20-\x7e]*$/;

function hexOf(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** Line constructors, one per SNMP type, so fragments never hand-write tags. */
export const snmp = {
  integer: (oid: string, value: number): SnmprecLine => ({ oid, tag: '2', value: String(Math.trunc(value)) }),
  /** Text; anything beyond printable ASCII is hex-encoded so the line survives. */
  string: (oid: string, value: string): SnmprecLine =>
    PRINTABLE.test(value) ? { oid, tag: '4', value } : { oid, tag: '4x', value: hexOf(Buffer.from(value, 'utf8')) },
  bytes: (oid: string, value: Uint8Array): SnmprecLine => ({ oid, tag: '4x', value: hexOf(value) }),
  /** A MAC `aa:bb:cc:dd:ee:ff` as the 6 raw bytes of ifPhysAddress & co; null gives an empty string. */
  mac: (oid: string, mac: string | null): SnmprecLine => ({ oid, tag: '4x', value: mac ? mac.replaceAll(':', '').toLowerCase() : '' }),
  oid: (oid: string, value: string): SnmprecLine => ({ oid, tag: '6', value }),
  ip: (oid: string, value: string): SnmprecLine => ({ oid, tag: '64', value }),
  counter32: (oid: string, value: number): SnmprecLine => ({ oid, tag: '65', value: String(value >>> 0) }),
  gauge32: (oid: string, value: number): SnmprecLine => ({ oid, tag: '66', value: String(Math.min(value, 4294967295)) }),
  timeticks: (oid: string, value: number): SnmprecLine => ({ oid, tag: '67', value: String(Math.trunc(value)) }),
  counter64: (oid: string, value: bigint | number): SnmprecLine => ({ oid, tag: '70', value: String(value) }),
  /** Escape hatch for variation modules (e.g. tag `65:numeric`). */
  raw: (oid: string, tag: string, value: string): SnmprecLine => ({ oid, tag, value }),
};

/** Numeric OID order: 1.3.6.1.2 < 1.3.6.1.10 (string order would say otherwise). */
export function compareOids(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

export function oidParts(oid: string): number[] {
  return oid.split('.').map(Number);
}

/** True when `oid` equals `prefix` or lies under it. */
export function isUnder(oid: string, prefix: string): boolean {
  return oid === prefix || oid.startsWith(`${prefix}.`);
}

/** Parses snmprec text (as shipped by snmpsim), skipping comments and blanks. */
export function parseSnmprec(text: string): SnmprecLine[] {
  const lines: SnmprecLine[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line || line.startsWith('#')) continue;
    const first = line.indexOf('|');
    const second = line.indexOf('|', first + 1);
    if (first < 0 || second < 0) continue;
    lines.push({ oid: line.slice(0, first), tag: line.slice(first + 1, second), value: line.slice(second + 1) });
  }
  return lines;
}

/**
 * Compares two dotted OIDs numerically without allocating (the lab renders
 * tables of 100,000 rows, where splitting every OID costs seconds).
 */
export function compareOidStrings(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    let x = 0;
    while (i < a.length && a.charCodeAt(i) !== 46) x = x * 10 + a.charCodeAt(i++) - 48;
    let y = 0;
    while (j < b.length && b.charCodeAt(j) !== 46) y = y * 10 + b.charCodeAt(j++) - 48;
    if (x !== y) return x - y;
    i += 1;
    j += 1;
  }
  return (i < a.length ? 1 : 0) - (j < b.length ? 1 : 0);
}

/**
 * Merges line sets (a later set overrides an earlier one's line with the same
 * OID) and renders them sorted, as snmpsim needs.
 */
export function renderSnmprec(...sets: readonly (readonly SnmprecLine[])[]): string {
  // A stable sort keeps equal OIDs in set order, so the last of a run wins.
  const all = sets.flat().sort((x, y) => compareOidStrings(x.oid, y.oid));
  const out: string[] = [];
  for (let k = 0; k < all.length; k += 1) {
    const line = all[k] as SnmprecLine;
    if (all[k + 1]?.oid === line.oid) continue;
    out.push(`${line.oid}|${line.tag}|${line.value}\n`);
  }
  return out.join('');
}
