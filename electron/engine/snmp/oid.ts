/**
 * Numeric OID helpers. OIDs order component-wise as numbers (1.3.6.1.10 comes
 * after 1.3.6.1.9), which plain string comparison gets wrong; every walk and
 * every loop check goes through `compareOids`.
 */

export type OidParts = readonly number[];

const MAX_SUBID = 0xffffffff;
const MAX_OID_LENGTH = 128; // RFC 2578: at most 128 sub-identifiers

/** `.1.3.6` or `1.3.6` → [1,3,6]; null when any component is not a number. */
export function parseOid(text: string): number[] | null {
  const body = text.startsWith('.') ? text.slice(1) : text;
  if (body.length === 0) return null;
  const parts = body.split('.');
  if (parts.length > MAX_OID_LENGTH) return null;
  const out = new Array<number>(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.length === 0 || p.length > 10 || !/^\d+$/.test(p)) return null;
    const n = Number(p);
    if (n > MAX_SUBID) return null;
    out[i] = n;
  }
  return out;
}

export function compareOids(a: OidParts, b: OidParts): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** True when `oid` lies strictly below `root` (root itself is not in its subtree). */
export function isStrictlyUnder(oid: OidParts, root: OidParts): boolean {
  if (oid.length <= root.length) return false;
  for (let i = 0; i < root.length; i++) if (oid[i] !== root[i]) return false;
  return true;
}

/**
 * Where a walk of `root` begins reading, GETNEXT-style: after `startAfter` when that lies inside
 * the root (the enterprise census hopping over vendor trees), else after the root itself.
 */
export function walkStart(root: OidParts, startAfter: string | undefined): OidParts {
  const after = startAfter ? parseOid(startAfter) : null;
  return after && isStrictlyUnder(after, root) ? after : root;
}
