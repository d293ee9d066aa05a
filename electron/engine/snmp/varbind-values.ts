/**
 * The one way the engine turns a varbind into a number or text: the system
 * group, identification, health and topology all read device values through
 * these, so a value reads the same whichever collector meets it. Device bytes
 * are untrusted: text is decoded defensively and bounded.
 */
import type { VarBind } from './source';
import { normaliseMac } from '../../../shared/topology/mac';
import { MAX_TEXT } from '../../../shared/schema-bounds';
import { isDottedQuad } from './value-codec';
import { parseOid } from './oid';

/** The scan document's bound on a field (the most an OCTET STRING can carry): what an agent can make us hold, not a display limit. */
export const MAX_TEXT_LENGTH = MAX_TEXT;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/**
 * Text, allowing a few stray control bytes in longer strings (an ANSI escape
 * in a sysDescr is still text). Short values must be clean, or a 6-byte MAC
 * could pass for text.
 */
function isText(body: Uint8Array): boolean {
  let controls = 0;
  for (const b of body) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) controls += 1;
  return controls === 0 || (body.length >= 12 && controls <= body.length / 20);
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(':');
}

/**
 * Device bytes → text: NULs at the end dropped (C agents terminate strings);
 * UTF-8 when valid, else Latin-1 (one character a byte, never fails). Unless
 * the MIB declares the object a DisplayString (`displayString`: recorded as
 * the device said it, whatever stray bytes it carries), a fixed-size C
 * buffer's leftovers after its first NUL are dropped too, and bytes that are
 * not text at all (a MAC, a binary serial) come back as colon-separated hex.
 */
export function octetsText(bytes: Uint8Array, { displayString = false } = {}): string {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end -= 1;
  const nul = bytes.indexOf(0);
  if (!displayString && nul >= 3 && nul < end && isText(bytes.subarray(0, nul))) end = nul;
  const body = bytes.subarray(0, end);
  // Binary keeps every byte, zeros at the end too (a MAC may end in 00).
  if (!displayString && !isText(body)) return hex(bytes);
  try {
    return utf8.decode(body);
  } catch {
    return latin1.decode(body);
  }
}

/** A value as the agent wrote it (octets decoded as above; numbers, OIDs and addresses as strings), bounded; null when absent. */
export function asRawText(vb: VarBind | null | undefined, options: { displayString?: boolean } = {}): string | null {
  if (!vb || vb.value === null) return null;
  const text = vb.value instanceof Uint8Array ? octetsText(vb.value, options) : String(vb.value);
  return text.slice(0, MAX_TEXT_LENGTH);
}

/** Labels (sensor, port and neighbour names) are DisplayStrings in their MIBs: never more than 255 characters when honest. */
export const MAX_LABEL_LENGTH = 256;

/** A value as a one-line label: control characters (line breaks too) as single spaces, trimmed, bounded; null when absent or empty. */
export function asText(vb: VarBind | null | undefined): string | null {
  const raw = asRawText(vb);
  // eslint-disable-next-line no-control-regex
  const text = raw?.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, MAX_LABEL_LENGTH);
  return text ? text : null;
}

/** A number: numeric types as they are; text that starts with a decimal ("23.5", " 42 C"), as some agents send; else null. */
export function asNumber(vb: VarBind | null | undefined): number | null {
  if (!vb || vb.value === null) return null;
  const v = vb.value;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (vb.type === 'oid' || vb.type === 'ip') return null;
  const text = v instanceof Uint8Array ? latin1.decode(v.subarray(0, 64)) : v;
  const m = /^\s*(-?\d+(?:\.\d+)?)/.exec(text);
  return m ? Number(m[1]) : null;
}

export function asBytes(vb: VarBind | null | undefined): Uint8Array | null {
  return vb?.value instanceof Uint8Array ? vb.value : null;
}

/** Integer32 columns that overflowed (hrStorageSize on large volumes) come back negative. */
export function unsigned32(n: number | null): number | null {
  if (n === null) return null;
  return n < 0 ? n + 2 ** 32 : n;
}

/** An OID value; a broken agent may send it as a string, accepted only if numeric. */
export function asOid(vb: VarBind | null | undefined): string | null {
  const text = asRawText(vb);
  const parts = text === null ? null : parseOid(text.trim());
  return parts ? parts.join('.') : null;
}

/** IPv4 from an `ip` value, 4 raw octets or dotted text. */
export function asIpv4(vb: VarBind | null | undefined): string | null {
  if (!vb || vb.value === null || typeof vb.value === 'number') return null;
  if (typeof vb.value === 'string') return isDottedQuad(vb.value) ? vb.value : null;
  if (vb.value.length === 4) return Array.from(vb.value).join('.');
  const text = latin1.decode(vb.value).trim();
  return isDottedQuad(text) ? text : null;
}

/** A MAC from six octets (or seven, with a length octet first) or from MAC-looking text (some agents and recordings send text); else null. */
export function asMac(vb: VarBind | null | undefined): string | null {
  if (!vb || vb.value === null || typeof vb.value === 'number') return null;
  if (typeof vb.value === 'string') return normaliseMac(vb.value);
  if (vb.value.length === 6 || vb.value.length === 7) {
    const fromOctets = normaliseMac(vb.value);
    if (fromOctets) return fromOctets;
  }
  return normaliseMac(latin1.decode(vb.value));
}
