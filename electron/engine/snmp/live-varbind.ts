/**
 * net-snmp varbind → our VarBind, byte-for-byte what the file parsers produce
 * for the same data: octets as plain Uint8Array, counter64 as number, IPs and
 * OIDs as dotted strings. "No such object/instance/end of view" → null.
 */
import snmp from 'net-snmp';
import type { SnmpValueType, VarBind } from './source.js';
import type { RawVarbind } from './read-only-session.js';
import { isDottedQuad, plainBytes, unsignedBytesToNumber } from './value-codec.js';
import { parseOid } from './oid.js';
import { SnmpError } from './errors.js';

const T = snmp.ObjectType;

/** BER type → our type. Boolean/BitString never appear in SNMP proper but some agents send them. */
const LIVE_TYPES: ReadonlyMap<number, SnmpValueType> = new Map([
  [T.Boolean, 'integer'],
  [T.Integer, 'integer'],
  [T.BitString, 'octets'],
  [T.OctetString, 'octets'],
  [T.Null, 'null'],
  [T.OID, 'oid'],
  [T.IpAddress, 'ip'],
  [T.Counter, 'counter32'],
  [T.Gauge, 'gauge32'],
  [T.TimeTicks, 'timeticks'],
  [T.Opaque, 'opaque'],
  [T.Counter64, 'counter64'],
]);

/**
 * Throws 'snmp-malformed' for values net-snmp decoded from broken BER without
 * complaint (a truncated OID becomes "0.NaN"), so garbage never reaches a record.
 */
export function normalizeRawVarbind(raw: RawVarbind): VarBind | null {
  const oidParts = typeof raw.oid === 'string' ? parseOid(raw.oid) : null;
  if (!oidParts) throw new SnmpError('snmp-malformed', 'agent sent an invalid varbind OID');
  const type = LIVE_TYPES.get(raw.type);
  if (!type) return null; // NoSuchObject, NoSuchInstance, EndOfMibView
  const oid = oidParts.join('.');
  const v = raw.value;
  switch (type) {
    case 'null':
      return { oid, type, value: null };
    case 'octets':
    case 'opaque':
      return { oid, type, value: v instanceof Uint8Array ? plainBytes(v) : new TextEncoder().encode(String(v ?? '')) };
    case 'counter64':
      return { oid, type, value: v instanceof Uint8Array ? unsignedBytesToNumber(v) : Number(v) };
    case 'oid': {
      const parts = parseOid(String(v));
      if (!parts) throw new SnmpError('snmp-malformed', `agent sent an invalid OID value at ${oid}`);
      return { oid, type, value: parts.join('.') };
    }
    case 'ip':
      if (!isDottedQuad(String(v))) throw new SnmpError('snmp-malformed', `agent sent an invalid IpAddress at ${oid}`);
      return { oid, type, value: String(v) };
    default: {
      const n = typeof v === 'boolean' ? (v ? 1 : 0) : Number(v);
      if (!Number.isFinite(n)) throw new SnmpError('snmp-malformed', `agent sent an invalid number at ${oid}`);
      return { oid, type, value: n };
    }
  }
}
