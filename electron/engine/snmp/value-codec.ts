/**
 * Small byte/number conversions shared by the walk-file parsers and the live
 * source, so both produce byte-identical VarBind values.
 */

/** Big-endian unsigned bytes → number (counter64 may lose precision above 2^53, accepted by the contract). */
export function unsignedBytesToNumber(bytes: Uint8Array): number {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return Number(n);
}

/** "00 1a 2B", "001a2b", "0x001A2B" → bytes; null when not hex. */
export function hexToBytes(text: string): Uint8Array | null {
  let clean = text.replace(/[\s:]/g, '');
  if (clean.startsWith('0x') || clean.startsWith('0X')) clean = clean.slice(2);
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) return null;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** 4 bytes → dotted quad; null when not exactly 4 bytes. */
export function bytesToIp(bytes: Uint8Array): string | null {
  return bytes.length === 4 ? Array.from(bytes).join('.') : null;
}

export function isDottedQuad(text: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  return !!m && m.slice(1).every((p) => Number(p) <= 255);
}

/** A plain Uint8Array copy (not a Buffer) so values compare equal whatever produced them. */
export function plainBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}

const INT_RE = /^[-+]?\d+$/;

/** Strict integer parse; null for anything else (no parseInt leniency for "12abc"). */
export function parseIntStrict(text: string): number | null {
  const t = text.trim();
  if (!INT_RE.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Python-style escaped bytes as snmpsim writes them for `4e`/`64e` tags: `\x04\x88_\n`. */
export function unescapePythonBytes(text: string, charToBytes: (s: string) => Uint8Array): Uint8Array | null {
  const out: number[] = [];
  const simple: Record<string, number> = { n: 10, r: 13, t: 9, '\\': 92, "'": 39, '"': 34, a: 7, b: 8, f: 12, v: 11, '0': 0 };
  let literal = '';
  const flush = () => {
    if (literal) for (const b of charToBytes(literal)) out.push(b);
    literal = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\') {
      literal += c;
      continue;
    }
    flush();
    const next = text[i + 1];
    if (next === 'x') {
      const hex = text.slice(i + 2, i + 4);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null;
      out.push(parseInt(hex, 16));
      i += 3;
    } else if (next !== undefined && next in simple) {
      out.push(simple[next]!);
      i += 1;
    } else {
      // Python keeps an unknown escape verbatim.
      out.push(92);
    }
  }
  flush();
  return Uint8Array.from(out);
}
