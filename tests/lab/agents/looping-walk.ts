/**
 * An SNMPv1/v2c agent that answers GETs correctly (so the scanner finds and
 * names it) but whose walks never end:
 *  - in the system group, GETNEXT after the last object wraps to sysDescr
 *    (the OIDs go backwards inside the subtree);
 *  - elsewhere, GETNEXT on an object returns that same object (stuck).
 * A walker that trusts the agent loops forever; a careful one stops with an error.
 * (See next() for the exact rules.)
 * Usage: node looping-walk.js --ip 10.77.0.201 --name bad-loop --mac aa:.. [--descr ..] [--object-id ..] [--ready FILE]
 */
import { createSocket } from 'node:dgram';
import { TAG, decodeRequest, encodeInteger, encodeOid, encodeResponse, tlv, varbind, type SnmpRequest } from './ber.js';
import { parseArgs, signalReady } from './ready.js';

const args = parseArgs(process.argv.slice(2));
const SYSTEM = '1.3.6.1.2.1.1';
const MAX_BULK = 50;

const mac = Buffer.from((args.mac ?? '00:00:00:00:00:00').replaceAll(':', ''), 'hex');

/** The objects this agent knows, in walk order. */
const OBJECTS: [string, Buffer][] = [
  [`${SYSTEM}.1.0`, tlv(TAG.octetString, Buffer.from(args.descr ?? 'looping agent'))],
  [`${SYSTEM}.2.0`, encodeOid(args['object-id'] ?? '1.3.6.1.4.1.8072.3.2.10')],
  [`${SYSTEM}.3.0`, encodeInteger(4_200_000, TAG.timeticks)],
  [`${SYSTEM}.4.0`, tlv(TAG.octetString, Buffer.from(''))],
  [`${SYSTEM}.5.0`, tlv(TAG.octetString, Buffer.from(args.name ?? 'bad-loop'))],
  [`${SYSTEM}.6.0`, tlv(TAG.octetString, Buffer.from(''))],
  [`${SYSTEM}.7.0`, encodeInteger(72)],
  ['1.3.6.1.2.1.2.1.0', encodeInteger(1)],
  ['1.3.6.1.2.1.2.2.1.1.1', encodeInteger(1)],
  ['1.3.6.1.2.1.2.2.1.2.1', tlv(TAG.octetString, Buffer.from('eth0'))],
  ['1.3.6.1.2.1.2.2.1.6.1', tlv(TAG.octetString, mac)],
  ['1.3.6.1.2.1.31.1.1.1.1.1', tlv(TAG.octetString, Buffer.from('eth0'))],
];
const byOid = new Map(OBJECTS);
const systemObjects = OBJECTS.filter(([oid]) => oid.startsWith(`${SYSTEM}.`));

const under = (oid: string, prefix: string): boolean => oid === prefix || oid.startsWith(`${prefix}.`);

function compare(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const d = (x[i] as number) - (y[i] as number);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** A fabricated object for regions the agent knows nothing about. */
const FILLER = tlv(TAG.octetString, Buffer.from('loop'));

/**
 * The broken successor function.
 *  - system group: correct order, but after the last object it wraps back to
 *    sysDescr (the walk goes backwards inside its subtree);
 *  - a walk root with known objects below it gets its first object, and any
 *    known object's successor is itself (stuck);
 *  - elsewhere the root R gets R.0 and R.0 gets R.0 again (stuck).
 * Every walk thus sees a non-increasing OID inside the subtree it asked for.
 */
function next(oid: string): [string, Buffer] {
  const first = systemObjects[0] as [string, Buffer];
  if (under(oid, SYSTEM) || compare(oid, SYSTEM) < 0) {
    return systemObjects.find(([candidate]) => compare(candidate, oid) > 0) ?? first;
  }
  const known = byOid.get(oid);
  if (known) return [oid, known];
  const below = OBJECTS.find(([candidate]) => candidate.startsWith(`${oid}.`));
  if (below) return below;
  return oid.endsWith('.0') ? [oid, FILLER] : [`${oid}.0`, FILLER];
}

function answer(request: SnmpRequest): Buffer {
  if (request.pduType === TAG.getRequest) {
    const noSuchObject = Buffer.from([0x80, 0x00]);
    return encodeResponse(request, request.oids.map((oid) => varbind(oid, byOid.get(oid) ?? (request.version === 0 ? tlv(TAG.null, Buffer.alloc(0)) : noSuchObject))));
  }
  if (request.pduType === TAG.getNextRequest) {
    return encodeResponse(request, request.oids.map((oid) => varbind(...next(oid))));
  }
  // GETBULK: non-repeaters once, then max-repetitions rounds of the rest.
  const nonRepeaters = Math.max(0, request.field2);
  const repetitions = Math.min(MAX_BULK, Math.max(1, request.field3));
  const varbinds = request.oids.slice(0, nonRepeaters).map((oid) => varbind(...next(oid)));
  let cursor = request.oids.slice(nonRepeaters);
  for (let round = 0; round < repetitions && cursor.length > 0; round += 1) {
    const results = cursor.map(next);
    varbinds.push(...results.map(([oid, value]) => varbind(oid, value)));
    cursor = results.map(([oid]) => oid);
  }
  return encodeResponse(request, varbinds);
}

const socket = createSocket('udp4');
socket.on('message', (raw, peer) => {
  let request: SnmpRequest;
  try {
    request = decodeRequest(raw);
  } catch {
    return; // not SNMP v1/v2c: silence, like a real agent
  }
  if (request.version > 1) return; // v3: unsupported, silently
  socket.send(answer(request), peer.port, peer.address);
});
socket.bind(Number(args.port ?? 161), args.ip ?? '0.0.0.0', () => signalReady(args.ready));
