/** Turns SNMP varbind values into the plain strings that rules match against. */
import type { VarBind } from '../snmp/source';

const textDecoder = new TextDecoder('utf-8', { fatal: true });

/** Printable text when the bytes are text; otherwise colon-separated hex (MACs, binary serials). */
export function decodeOctets(bytes: Uint8Array): string {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end -= 1; // C agents often NUL-terminate
  const body = bytes.subarray(0, end);
  let printable = true;
  for (const b of body) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) {
      printable = false;
      break;
    }
  }
  if (printable) {
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
