/**
 * An "SNMP agent" on UDP/161 whose every reply is broken BER. It cycles
 * through the failure modes real broken firmware shows: random bytes, a length
 * beyond the datagram, a truncated PDU, an over-long length of length, an OID
 * with an unterminated sub-identifier, and a reply that echoes the request-id
 * but whose varbind value is an impossible zero-length integer.
 * Usage: node malformed-ber.js --ip 10.77.0.200 [--port 161] [--ready FILE]
 */
import { createSocket } from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { TAG, decodeRequest, encodeInteger, encodeOid, tlv, type SnmpRequest } from './ber.js';
import { parseArgs, signalReady } from './ready.js';

const args = parseArgs(process.argv.slice(2));

type Mode = (request: SnmpRequest | null, raw: Buffer) => Buffer;

function echoHeader(request: SnmpRequest | null, pduContent: Buffer): Buffer {
  const version = encodeInteger(request?.version ?? 1);
  const community = tlv(TAG.octetString, request?.community ?? Buffer.from('public'));
  return tlv(TAG.sequence, Buffer.concat([version, community, tlv(TAG.response, pduContent)]));
}

const MODES: Mode[] = [
  () => randomBytes(48),
  // Claims 4,000 bytes of content; carries 10.
  () => Buffer.concat([Buffer.from([TAG.sequence, 0x82, 0x0f, 0xa0]), randomBytes(10)]),
  // A valid start, then the datagram just stops mid-PDU.
  (request) => echoHeader(request, encodeInteger(request?.requestId ?? 1)).subarray(0, 20),
  // Length-of-length of 0x7f bytes: no parser should try to allocate that.
  () => Buffer.from([TAG.sequence, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0x01, 0x01]),
  // Right request-id, then an OID whose last sub-identifier never ends.
  (request) => {
    // 1.3.6.1.2.1.1.5 followed by 0x85: a continuation bit with nothing after it.
    const unterminatedOid = tlv(TAG.oid, Buffer.from([0x2b, 6, 1, 2, 1, 1, 5, 0x85]));
    const vb = tlv(TAG.sequence, Buffer.concat([unterminatedOid, tlv(TAG.octetString, Buffer.from('x'))]));
    return echoHeader(request, Buffer.concat([encodeInteger(request?.requestId ?? 1), encodeInteger(0), encodeInteger(0), tlv(TAG.sequence, vb)]));
  },
  // Right request-id, a zero-length INTEGER value and a NULL with content.
  (request) => {
    const vb1 = tlv(TAG.sequence, Buffer.concat([encodeOid('1.3.6.1.2.1.1.3.0'), Buffer.from([TAG.integer, 0x00])]));
    const vb2 = tlv(TAG.sequence, Buffer.concat([encodeOid('1.3.6.1.2.1.1.5.0'), Buffer.from([TAG.null, 0x03, 0x41, 0x42, 0x43])]));
    return echoHeader(request, Buffer.concat([encodeInteger(request?.requestId ?? 1), encodeInteger(0), encodeInteger(0), tlv(TAG.sequence, Buffer.concat([vb1, vb2]))]));
  },
];

let counter = 0;
const socket = createSocket('udp4');
socket.on('message', (raw, peer) => {
  let request: SnmpRequest | null;
  try {
    request = decodeRequest(raw);
  } catch {
    request = null; // unparseable requests still get garbage back
  }
  const mode = MODES[counter % MODES.length] as Mode;
  counter += 1;
  socket.send(mode(request, raw), peer.port, peer.address);
});
socket.bind(Number(args.port ?? 161), args.ip ?? '0.0.0.0', () => signalReady(args.ready));
