/**
 * Bounded column walks and value decoding shared by the topology collectors.
 * A walk that is cut short or fails is recorded in `incomplete`, never thrown:
 * topology must work from whatever tables an agent gives.
 */
import type { SnmpSource, VarBind, WalkOptions } from '../snmp/source';
import { normaliseMac } from '../../../shared/topology/mac';

export interface CollectContext {
  source: SnmpSource;
  signal?: AbortSignal;
  incomplete: Array<{ table: string; reason: string }>;
}

/** Walks one column; returns rows keyed by the index after the column OID (e.g. `12` or `0.5.1`). */
export async function walkColumn(
  ctx: CollectContext,
  table: string,
  columnOid: string,
  bounds: Pick<WalkOptions, 'maxRows' | 'timeoutMs'>,
): Promise<Map<string, VarBind>> {
  const rows = new Map<string, VarBind>();
  ctx.signal?.throwIfAborted();
  let result;
  try {
    result = await ctx.source.walk(columnOid, { ...bounds, signal: ctx.signal });
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    ctx.incomplete.push({ table, reason: `walk failed: ${error instanceof Error ? error.message : String(error)}` });
    return rows;
  }
  const prefix = `${columnOid}.`;
  for (const vb of result.rows) {
    if (!vb.oid.startsWith(prefix)) continue;
    rows.set(vb.oid.slice(prefix.length), vb);
  }
  if (result.truncated) ctx.incomplete.push({ table, reason: `truncated after ${result.rows.length} rows` });
  if (result.error) ctx.incomplete.push({ table, reason: `${result.error.code}: ${result.error.message}` });
  return rows;
}

export function indexParts(index: string): number[] {
  return index.split('.').map((s) => Number(s));
}

export function asNumber(vb: VarBind | null | undefined): number | null {
  if (!vb) return null;
  if (typeof vb.value === 'number') return vb.value;
  if (typeof vb.value === 'string' && /^-?\d+$/.test(vb.value.trim())) return Number(vb.value.trim());
  return null;
}

function isPrintable(bytes: Uint8Array): boolean {
  return bytes.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 128);
}

/** Text of an octet string; non-printable binary comes back as colon hex so it still compares. */
export function asText(vb: VarBind | null | undefined): string | null {
  if (!vb || vb.value == null) return null;
  if (typeof vb.value === 'number') return String(vb.value);
  if (typeof vb.value === 'string') return vb.value.replace(/\0+$/, '').trim() || null;
  const bytes = trimTrailingNul(vb.value);
  if (bytes.length === 0) return null;
  if (isPrintable(bytes)) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).trim();
    return text || null;
  }
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(':');
}

function trimTrailingNul(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end -= 1;
  return bytes.subarray(0, end);
}

/** A MAC from 6 raw octets, or from MAC-looking text (some agents and recordings send text). */
export function asMac(vb: VarBind | null | undefined): string | null {
  if (!vb || vb.value == null || typeof vb.value === 'number') return null;
  if (typeof vb.value === 'string') return normaliseMac(vb.value);
  if (vb.value.length === 6 || vb.value.length === 7) {
    const fromOctets = normaliseMac(vb.value);
    if (fromOctets) return fromOctets;
  }
  return normaliseMac(new TextDecoder().decode(vb.value));
}

/** IPv4 from an `ip` value, 4 raw octets or dotted text. */
export function asIpv4(vb: VarBind | null | undefined): string | null {
  if (!vb || vb.value == null || typeof vb.value === 'number') return null;
  if (typeof vb.value === 'string') return isIpv4(vb.value) ? vb.value : null;
  if (vb.value.length === 4) return Array.from(vb.value).join('.');
  const text = new TextDecoder().decode(vb.value).trim();
  return isIpv4(text) ? text : null;
}

export function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}
