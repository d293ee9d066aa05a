/** Turns SNMP varbind values into the plain strings that rules match against. */
import type { VarBind } from '../snmp/source';

const textDecoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Text, allowing a few stray control bytes in longer strings (an ANSI escape in
 * a sysDescr is still text; cleaning removes it). Short values must be clean,
 * or a 6-byte MAC could pass for text.
 */
function isPrintable(body: Uint8Array): boolean {
  let controls = 0;
  for (const b of body) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) controls += 1;
  return controls === 0 || (body.length >= 12 && controls <= body.length / 20);
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
