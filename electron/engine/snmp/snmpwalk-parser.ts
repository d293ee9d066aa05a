/**
 * `snmpwalk -On` output: `.1.3.6.1.2.1.1.1.0 = STRING: "text"`. Values may
 * span lines (quoted strings with newlines, long Hex-STRINGs wrapped at 16
 * bytes). net-snmp's printing is lossy in places (non-printable bytes shown as
 * '.', enums as `up(1)`, units after numbers); we recover what is recoverable
 * and skip what is not, with a warning.
 */
import type { SnmpValueType, VarBind } from './source.js';
import { parseOid } from './oid.js';
import { hexToBytes, isDottedQuad, parseIntStrict } from './value-codec.js';
import { skippedLines, utf8Encoder, type CharEncoder, type ParsedRecording } from './snmprec-parser.js';

type ValueSyntax = 'string' | 'hex' | 'number' | 'timeticks' | 'oid' | 'ip' | 'netaddr' | 'bits' | 'null';

/** snmpwalk's type label → our type and how its text is written. */
const SNMPWALK_TYPES: Readonly<Record<string, { type: SnmpValueType; syntax: ValueSyntax }>> = {
  STRING: { type: 'octets', syntax: 'string' },
  'Hex-STRING': { type: 'octets', syntax: 'hex' },
  BITS: { type: 'octets', syntax: 'bits' },
  INTEGER: { type: 'integer', syntax: 'number' },
  Integer32: { type: 'integer', syntax: 'number' },
  OID: { type: 'oid', syntax: 'oid' },
  IpAddress: { type: 'ip', syntax: 'ip' },
  'Network Address': { type: 'ip', syntax: 'netaddr' },
  Counter32: { type: 'counter32', syntax: 'number' },
  Counter: { type: 'counter32', syntax: 'number' },
  Gauge32: { type: 'gauge32', syntax: 'number' },
  Gauge: { type: 'gauge32', syntax: 'number' },
  Unsigned32: { type: 'gauge32', syntax: 'number' },
  UInteger32: { type: 'gauge32', syntax: 'number' },
  Timeticks: { type: 'timeticks', syntax: 'timeticks' },
  Counter64: { type: 'counter64', syntax: 'number' },
  Opaque: { type: 'opaque', syntax: 'hex' },
  NULL: { type: 'null', syntax: 'null' },
};

/** Values that mean "nothing here", not a parse failure. */
const ABSENT_VALUE = /^(No Such (Object|Instance)|No more variables left)/;
const HEAD = /^(\.?\d[\d.]*) = (.*)$/;
const TYPED = /^(?:Wrong Type \(should be [^)]*\): )?([A-Za-z][A-Za-z0-9 -]*?): ?(.*)$/s;
/** ifPhysAddress & co. printed through a MIB display hint: `0:1a:2b:3c:4d:5e`. */
const HINTED_MAC = /^[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}$/;

interface Pending {
  lineNo: number;
  oid: string;
  value: string;
  /** Inside a quoted STRING whose closing quote is on a later line. */
  open: boolean;
}

export function parseSnmpwalk(text: string, encode: CharEncoder = utf8Encoder): ParsedRecording {
  const varbinds: VarBind[] = [];
  const skipped = skippedLines();
  const warn = skipped.note;

  let pending: Pending | null = null;
  const finish = () => {
    if (!pending) return;
    const decoded = decodeWalkValue(pending.value, encode);
    if (typeof decoded === 'string') warn(pending.lineNo, decoded, pending.value);
    else if (decoded) varbinds.push({ oid: pending.oid, ...decoded });
    pending = null;
  };

  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const p = pending as Pending | null;
    if (p?.open) {
      p.value += '\n' + line;
      p.open = !endsWithClosingQuote(line, 0);
      continue;
    }
    const head = HEAD.exec(line);
    if (head) {
      finish();
      const oidParts = parseOid(head[1]!);
      if (!oidParts) {
        warn(i + 1, 'bad OID', line);
        continue;
      }
      const value = head[2]!;
      pending = { lineNo: i + 1, oid: oidParts.join('.'), value, open: opensMultilineString(value) };
      continue;
    }
    if (line.trim() === '') continue;
    if (p && /^(Hex-STRING|BITS|Opaque):/.test(p.value) && /^([0-9A-Fa-f]{2}\s*)+$/.test(line.trim())) {
      p.value += ' ' + line.trim();
      continue;
    }
    warn(i + 1, 'not an snmpwalk line', line);
  }
  finish();
  return { varbinds, warnings: skipped.warnings, skipped: skipped.count() };
}

function opensMultilineString(value: string): boolean {
  const prefix = /^(?:Wrong Type \(should be [^)]*\): )?STRING: "/.exec(value);
  return !!prefix && !endsWithClosingQuote(value, prefix[0].length);
}

/** Ends with a `"` that is not itself escaped; `from` is where the string body starts. */
function endsWithClosingQuote(text: string, from: number): boolean {
  if (text.length <= from || !text.endsWith('"')) return false;
  let backslashes = 0;
  for (let j = text.length - 2; j >= from && text[j] === '\\'; j--) backslashes++;
  return backslashes % 2 === 0;
}

type Decoded = Pick<VarBind, 'type' | 'value'>;

function decodeWalkValue(value: string, encode: CharEncoder): Decoded | null | string {
  if (value === '""') return { type: 'octets', value: new Uint8Array(0) };
  if (ABSENT_VALUE.test(value)) return null;
  if (value === 'NULL') return { type: 'null', value: null };
  const m = TYPED.exec(value);
  if (!m) return 'untyped value';
  const spec = SNMPWALK_TYPES[m[1]!];
  if (!spec) return `unknown type ${m[1]}`;
  const rest = m[2]!.trim();
  const { type } = spec;
  switch (spec.syntax) {
    case 'null':
      return { type, value: null };
    case 'string': {
      const quoted = rest.startsWith('"') && rest.endsWith('"') && rest.length >= 2;
      const body = quoted ? rest.slice(1, -1).replace(/\\(["\\])/g, '$1') : rest;
      if (!quoted && HINTED_MAC.test(body)) return { type, value: Uint8Array.from(body.split(':'), (h) => parseInt(h, 16)) };
      return { type, value: encode(body) };
    }
    case 'hex': {
      const b = hexToBytes(rest);
      return b ? { type, value: b } : 'bad hex value';
    }
    case 'bits': {
      // `BITS: 40 80 ringing(1)`: keep the hex prefix, drop the decoded names.
      const hex = /^([0-9A-Fa-f]{2}(\s+[0-9A-Fa-f]{2})*)/.exec(rest);
      const b = hex ? hexToBytes(hex[1]!) : null;
      return b ? { type, value: b } : 'bad BITS value';
    }
    case 'timeticks': {
      const t = /^\((\d+)\)/.exec(rest) ?? /^(\d+)$/.exec(rest);
      return t ? { type, value: Number(t[1]) } : 'bad Timeticks value';
    }
    case 'oid': {
      const parts = parseOid(rest);
      return parts ? { type, value: parts.join('.') } : 'bad OID value (was it printed with -On?)';
    }
    case 'ip':
      return isDottedQuad(rest) ? { type, value: rest } : 'bad IpAddress';
    case 'netaddr': {
      const b = hexToBytes(rest);
      return b && b.length === 4 ? { type, value: Array.from(b).join('.') } : 'bad Network Address';
    }
    case 'number': {
      // `up(1)` (enum label), `35 degrees` (units) or a bare number.
      const n = /^[A-Za-z_][\w-]*\((-?\d+)\)$/.exec(rest)?.[1] ?? /^(-?\d+)(\s.*)?$/.exec(rest)?.[1];
      const parsed = n === undefined ? null : parseIntStrict(n);
      return parsed === null ? `bad ${type} value` : { type, value: parsed };
    }
  }
}
