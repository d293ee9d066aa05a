/**
 * Turning raw varbinds into numbers and text. Device strings are untrusted:
 * they are decoded as text, control characters dropped, and length-capped.
 */
import type { VarBind } from '../snmp/source';

const MAX_TEXT = 256;
const decoder = new TextDecoder('utf-8', { fatal: false });

export function asNumber(vb: VarBind | null | undefined): number | null {
  if (!vb) return null;
  const v = vb.value;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Uint8Array) {
    // Some agents send numbers as strings ("23.5", "  42 C"); accept a leading decimal only.
    const m = /^\s*(-?\d+(?:\.\d+)?)/.exec(bytesToText(v));
    return m ? Number(m[1]) : null;
  }
  if (typeof v === 'string' && vb.type !== 'oid' && vb.type !== 'ip') {
    const m = /^\s*(-?\d+(?:\.\d+)?)/.exec(v);
    return m ? Number(m[1]) : null;
  }
  return null;
}

export function bytesToText(bytes: Uint8Array): string {
  // eslint-disable-next-line no-control-regex
  return decoder.decode(bytes).replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, MAX_TEXT);
}

export function asText(vb: VarBind | null | undefined): string | null {
  if (!vb || vb.value === null) return null;
  const v = vb.value;
  if (v instanceof Uint8Array) return bytesToText(v);
  return String(v).slice(0, MAX_TEXT);
}

export function asBytes(vb: VarBind | null | undefined): Uint8Array | null {
  if (!vb) return null;
  if (vb.value instanceof Uint8Array) return vb.value;
  return null;
}

/** Integer32 columns that overflowed (hrStorageSize on large volumes) come back negative. */
export function unsigned32(n: number | null): number | null {
  if (n === null) return null;
  return n < 0 ? n + 2 ** 32 : n;
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
