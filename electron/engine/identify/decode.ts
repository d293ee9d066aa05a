/** Turns SNMP varbind values into the plain strings that rules match against. */
import type { VarBind } from '../snmp/source';

const textDecoder = new TextDecoder('utf-8', { fatal: true });

function isPrintable(body: Uint8Array): boolean {
  for (const b of body) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  return true;
}

/** Printable text when the bytes are text; otherwise colon-separated hex (MACs, binary serials). */
export function decodeOctets(bytes: Uint8Array): string {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end -= 1; // C agents often NUL-terminate
  // A fixed-size C buffer: printable text, a NUL, then leftovers. Keep the text.
  const nul = bytes.indexOf(0);
  if (nul >= 3 && nul < end && isPrintable(bytes.subarray(0, nul))) end = nul;
  const body = bytes.subarray(0, end);
  if (isPrintable(body)) {
    try {
      return textDecoder.decode(body);
    } catch {
      return Array.from(body, (b) => String.fromCharCode(b)).join(''); // Latin-1 fallback
    }
  }
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(':');
}

export function varbindText(vb: VarBind | null | undefined): string | null {
  if (!vb || vb.value == null) return null;
  if (vb.value instanceof Uint8Array) return decodeOctets(vb.value);
  return String(vb.value);
}
