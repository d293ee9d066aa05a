/**
 * Device strings are untrusted: strip control characters, collapse whitespace,
 * bound the length, and drop placeholder values that mean "nothing".
 */

const MAX_LENGTH = 128;

/** Placeholders agents return instead of a real value. */
const PLACEHOLDER =
  /^(?:n\/?a|none|null|nil|unknown|undefined|not available|not specified|not supported|unspecified|default string|to be filled by o\.?e\.?m\.?|system (?:serial )?(?:number|product name)|-+|\.+|\?+|<private>|(?:chassis|stack)(?:[ ._-]?\d+)?|network element|system|no such (?:file|object|instance).*|.*no such file or directory)$/i;

/** A colon-separated hex dump (binary octets): no use as a model or version. */
const HEX_DUMP = /^(?:[0-9a-f]{2}:){8,}[0-9a-f]{2}$/i;

/** Control characters become spaces; runs of whitespace collapse. */
function cleanText(raw: string): string {
  let text = '';
  for (const ch of raw) {
    const code = ch.codePointAt(0)!;
    text += code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) ? ' ' : ch;
  }
  return text.replace(/\s+/g, ' ');
}

export function cleanValue(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  let text = cleanText(raw).trim().replace(/^["']+|["']+$/g, '').trim();
  if (text.length > MAX_LENGTH) text = text.slice(0, MAX_LENGTH).trimEnd();
  if (text === '' || PLACEHOLDER.test(text) || HEX_DUMP.test(text)) return null;
  return text;
}

/** A short, safe excerpt of an observed value for the evidence trail. */
export function excerpt(raw: string, max = 200): string {
  const flat = cleanText(raw).trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
