/**
 * snmpsim `.snmprec` recordings: one `OID|TAG|VALUE` per line. TAG is the BER
 * type number, optionally suffixed `x` (value hex-encoded) or `e` (Python
 * escapes), optionally followed by `:module` (a snmpsim variation module, whose
 * base type we keep). Lines that do not parse are skipped with a warning,
 * never fatal: real recordings contain hand-anonymised OIDs like `10.xx.xx.1`.
 */
import type { SnmpValueType, VarBind } from './source.js';
import { parseOid } from './oid.js';
import {
  bytesToIp,
  hexToBytes,
  isDottedQuad,
  parseIntStrict,
  unescapePythonBytes,
} from './value-codec.js';

export interface ParsedRecording {
  varbinds: VarBind[];
  /** Human-readable notes about skipped lines (capped; see `skipped` for the full count). */
  warnings: string[];
  /** Number of non-blank lines that could not be used. */
  skipped: number;
}

const MAX_WARNINGS = 50;

/** Counts the lines a parser skips and keeps a capped list of readable notes about them. */
export function skippedLines(): { note(lineNo: number, why: string, line: string): void; warnings: string[]; count(): number } {
  const warnings: string[] = [];
  let count = 0;
  return {
    note(lineNo, why, line) {
      count++;
      if (warnings.length < MAX_WARNINGS) warnings.push(`line ${lineNo}: ${why}: ${JSON.stringify(line.slice(0, 100))}`);
    },
    warnings,
    count: () => count,
  };
}

/** BER tag number → our value type. Data, so a new tag is one row. */
const SNMPREC_TAGS: Readonly<Record<string, SnmpValueType>> = {
  '2': 'integer',
  '4': 'octets',
  '5': 'null',
  '6': 'oid',
  '64': 'ip',
  '65': 'counter32',
  '66': 'gauge32',
  '67': 'timeticks',
  '68': 'opaque',
  '70': 'counter64',
  '71': 'counter64', // Unsigned64 (rare)
};

/** Converts text to the bytes the agent would serve (UTF-8 for strings, raw bytes for latin1-read files). */
export type CharEncoder = (s: string) => Uint8Array;

export const utf8Encoder: CharEncoder = (s) => new TextEncoder().encode(s);
export const latin1Encoder: CharEncoder = (s) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

export function parseSnmprec(text: string, encode: CharEncoder = utf8Encoder): ParsedRecording {
  const varbinds: VarBind[] = [];
  const skipped = skippedLines();
  const warn = skipped.note;

  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    // snmpsim strips each line before splitting, so trailing blanks are not part of a
    // value it serves; doing the same keeps a file and the simulated agent identical.
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const p1 = line.indexOf('|');
    const p2 = p1 < 0 ? -1 : line.indexOf('|', p1 + 1);
    if (p2 < 0) {
      warn(i + 1, 'not OID|TAG|VALUE', line);
      continue;
    }
    const oidParts = parseOid(line.slice(0, p1));
    if (!oidParts) {
      warn(i + 1, 'bad OID', line);
      continue;
    }
    const result = decodeValue(line.slice(p1 + 1, p2), line.slice(p2 + 1), encode);
    if (typeof result === 'string') {
      warn(i + 1, result, line);
      continue;
    }
    if (result === undefined) continue; // deliberately absent (noSuchObject etc.)
    varbinds.push({ oid: oidParts.join('.'), ...result });
  }
  return { varbinds, warnings: skipped.warnings, skipped: skipped.count() };
}

type Decoded = Pick<VarBind, 'type' | 'value'>;

/** The value, `undefined` for "no object here", or a string explaining the failure. */
function decodeValue(tagField: string, raw: string, encode: CharEncoder): Decoded | undefined | string {
  const colon = tagField.indexOf(':');
  const hasVariation = colon >= 0;
  const tag = hasVariation ? tagField.slice(0, colon) : tagField;
  const m = /^(\d+)([xe]?)$/.exec(tag);
  if (!m) return `bad tag ${tag}`;
  const [, num, encoding] = m as unknown as [string, string, '' | 'x' | 'e'];
  if (num === '128' || num === '129' || num === '130') return undefined;
  const type = SNMPREC_TAGS[num];
  if (!type) return `unknown tag ${num}`;
  // Variation modules put parameters in VALUE (e.g. `value=5,rate=1`); take the static value when present.
  const text = hasVariation ? (variationValue(raw) ?? raw) : raw;

  const bytes = (): Uint8Array | null =>
    encoding === 'x' ? hexToBytes(text) : encoding === 'e' ? unescapePythonBytes(text, encode) : encode(text);

  switch (type) {
    case 'null':
      return { type, value: null };
    case 'octets':
    case 'opaque': {
      const b = bytes();
      return b ? { type, value: b } : `bad ${encoding === 'x' ? 'hex' : 'escaped'} value`;
    }
    case 'ip': {
      if (encoding === '') return isDottedQuad(text) ? { type, value: text } : 'bad IpAddress';
      const b = bytes();
      const ip = b && bytesToIp(b);
      return ip ? { type, value: ip } : 'bad IpAddress';
    }
    case 'oid': {
      const parts = parseOid(text);
      return parts ? { type, value: parts.join('.') } : 'bad OID value';
    }
    default: {
      const n = parseIntStrict(text);
      return n === null ? `bad ${type} value` : { type, value: n };
    }
  }
}

function variationValue(raw: string): string | undefined {
  for (const pair of raw.split(',')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const key = pair.slice(0, eq).trim();
    if (key === 'value' || key === 'initial') return pair.slice(eq + 1);
  }
  return undefined;
}
