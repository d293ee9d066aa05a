/**
 * A tiny scriptable SNMP v1/v2c agent on 127.0.0.1 (random port) for tests of
 * agent misbehaviour that snmpsim cannot produce: looping walks, garbage
 * replies, silence. Minimal BER, just enough for GET/GETNEXT/GETBULK.
 */
import dgram from 'node:dgram';

export interface FakeRequest {
  version: number; // 0 = v1, 1 = v2c
  community: string;
  pduType: number; // 0xa0 get, 0xa1 getnext, 0xa5 getbulk, 0xa3 set
  requestId: number;
  nonRepeaters: number;
  maxRepetitions: number;
  oids: string[];
}

export type FakeValue =
  | { type: 'int'; value: number }
  | { type: 'str'; value: string }
  | { type: 'counter32'; value: number }
  | { type: 'noSuchObject' }
  | { type: 'endOfMibView' };

/** What the agent does with a request: answer varbinds, send raw bytes, or stay silent. */
export type FakeReply =
  | { varbinds: Array<[string, FakeValue]>; errorStatus?: number; errorIndex?: number }
  | { raw: Buffer }
  | null;

export interface FakeAgent {
  port: number;
  requests: FakeRequest[];
  /** Highest number of requests received but not yet answered, at any moment. */
  maxInFlight: number;
  close(): Promise<void>;
}

export async function startFakeAgent(
  handler: (req: FakeRequest) => FakeReply,
  options: { replyDelayMs?: number } = {},
): Promise<FakeAgent> {
  const socket = dgram.createSocket('udp4');
  const requests: FakeRequest[] = [];
  let inFlight = 0;
  const agent = {
    port: 0,
    requests,
    maxInFlight: 0,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
  socket.on('message', (msg, rinfo) => {
    let req: FakeRequest;
    try {
      req = decodeRequest(msg);
    } catch {
      return;
    }
    requests.push(req);
    const reply = handler(req);
    if (!reply) return;
    const out = 'raw' in reply ? reply.raw : encodeResponse(req, reply.varbinds, reply.errorStatus ?? 0, reply.errorIndex ?? 0);
    inFlight++;
    agent.maxInFlight = Math.max(agent.maxInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      try {
        socket.send(out, rinfo.port, rinfo.address);
      } catch {
        /* closed */
      }
    }, options.replyDelayMs ?? 0);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  agent.port = socket.address().port;
  return agent;
}

// --- BER ---------------------------------------------------------------------

function readTlv(buf: Buffer, pos: number): { tag: number; start: number; end: number } {
  const tag = buf[pos]!;
  let len = buf[pos + 1]!;
  let start = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[start + i]!;
    start += n;
  }
  if (start + len > buf.length) throw new Error('truncated');
  return { tag, start, end: start + len };
}

function readInt(buf: Buffer, start: number, end: number): number {
  let n = buf[start]! & 0x80 ? -1 : 0;
  for (let i = start; i < end; i++) n = n * 256 + buf[i]!;
  return n;
}

function readOid(buf: Buffer, start: number, end: number): string {
  const first = buf[start]!;
  const parts = [Math.floor(first / 40), first % 40];
  let v = 0;
  for (let i = start + 1; i < end; i++) {
    v = v * 128 + (buf[i]! & 0x7f);
    if (!(buf[i]! & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

function decodeRequest(msg: Buffer): FakeRequest {
  const top = readTlv(msg, 0);
  const ver = readTlv(msg, top.start);
  const com = readTlv(msg, ver.end);
  const pdu = readTlv(msg, com.end);
  const rid = readTlv(msg, pdu.start);
  const f2 = readTlv(msg, rid.end);
  const f3 = readTlv(msg, f2.end);
  const vbl = readTlv(msg, f3.end);
  const oids: string[] = [];
  for (let p = vbl.start; p < vbl.end; ) {
    const vb = readTlv(msg, p);
    const oid = readTlv(msg, vb.start);
    oids.push(readOid(msg, oid.start, oid.end));
    p = vb.end;
  }
  return {
    version: readInt(msg, ver.start, ver.end),
    community: msg.subarray(com.start, com.end).toString('latin1'),
    pduType: pdu.tag,
    requestId: readInt(msg, rid.start, rid.end),
    nonRepeaters: readInt(msg, f2.start, f2.end),
    maxRepetitions: readInt(msg, f3.start, f3.end),
    oids,
  };
}

function tlv(tag: number, body: Buffer): Buffer {
  const len = body.length;
  const head = len < 0x80 ? Buffer.from([tag, len]) : len < 0x100 ? Buffer.from([tag, 0x81, len]) : Buffer.from([tag, 0x82, len >> 8, len & 0xff]);
  return Buffer.concat([head, body]);
}

function intBody(n: number): Buffer {
  const bytes: number[] = [];
  let v = n;
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v !== 0 && v !== -1);
  if (n >= 0 && bytes[0]! & 0x80) bytes.unshift(0);
  if (n < 0 && !(bytes[0]! & 0x80)) bytes.unshift(0xff);
  return Buffer.from(bytes);
}

function oidBody(oid: string): Buffer {
  const p = oid.split('.').map(Number);
  const out = [p[0]! * 40 + p[1]!];
  for (const n of p.slice(2)) {
    const chunk = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return Buffer.from(out);
}

function valueTlv(v: FakeValue): Buffer {
  switch (v.type) {
    case 'int':
      return tlv(0x02, intBody(v.value));
    case 'counter32':
      return tlv(0x41, intBody(v.value));
    case 'str':
      return tlv(0x04, Buffer.from(v.value, 'utf8'));
    case 'noSuchObject':
      return Buffer.from([0x80, 0]);
    case 'endOfMibView':
      return Buffer.from([0x82, 0]);
  }
}

export function encodeResponse(
  req: Pick<FakeRequest, 'version' | 'community' | 'requestId'>,
  varbinds: Array<[string, FakeValue]>,
  errorStatus = 0,
  errorIndex = 0,
): Buffer {
  const vbl = tlv(0x30, Buffer.concat(varbinds.map(([oid, v]) => tlv(0x30, Buffer.concat([tlv(0x06, oidBody(oid)), valueTlv(v)])))));
  const pdu = tlv(0xa2, Buffer.concat([tlv(0x02, intBody(req.requestId)), tlv(0x02, intBody(errorStatus)), tlv(0x02, intBody(errorIndex)), vbl]));
  return tlv(0x30, Buffer.concat([tlv(0x02, intBody(req.version)), tlv(0x04, Buffer.from(req.community, 'latin1')), pdu]));
}
