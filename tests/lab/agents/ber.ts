/**
 * Just enough BER to play a (broken) SNMPv1/v2c agent: TLV encoding and a
 * forgiving reader. Used only by the lab's misbehaving agents; self-contained
 * (node: imports only) because the lab runs these files as plain JS.
 */

export const TAG = {
  integer: 0x02,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  sequence: 0x30,
  ipAddress: 0x40,
  counter32: 0x41,
  gauge32: 0x42,
  timeticks: 0x43,
  getRequest: 0xa0,
  getNextRequest: 0xa1,
  response: 0xa2,
  getBulkRequest: 0xa5,
  endOfMibView: 0x82,
} as const;

export function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

export function encodeInteger(value: number, tag: number = TAG.integer): Buffer {
  const bytes: number[] = [];
  let n = value;
  do {
    bytes.unshift(n & 0xff);
    n = Math.floor(n / 256);
  } while (n !== 0 && n !== -1);
  // Keep the sign bit honest for positive numbers.
  if (value >= 0 && (bytes[0] as number) & 0x80) bytes.unshift(0);
  if (value < 0 && !((bytes[0] as number) & 0x80)) bytes.unshift(0xff);
  return tlv(tag, Buffer.from(bytes));
}

export function encodeOid(oid: string): Buffer {
  const parts = oid.split('.').map(Number);
  const bytes: number[] = [(parts[0] as number) * 40 + (parts[1] as number)];
  for (const part of parts.slice(2)) {
    const chunk: number[] = [part & 0x7f];
    for (let n = Math.floor(part / 128); n > 0; n = Math.floor(n / 128)) chunk.unshift((n & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(TAG.oid, Buffer.from(bytes));
}

export function decodeOid(content: Buffer): string {
  if (content.length === 0) return '';
  const first = content[0] as number;
  const parts = [Math.floor(first / 40), first % 40];
  let value = 0;
  for (const byte of content.subarray(1)) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

export interface Tlv {
  tag: number;
  content: Buffer;
  /** Offset just past this TLV in the buffer it was read from. */
  end: number;
}

/** Reads one TLV at `offset`; throws on truncation. */
export function readTlv(buffer: Buffer, offset = 0): Tlv {
  const tag = buffer[offset];
  let lengthByte = buffer[offset + 1];
  if (tag === undefined || lengthByte === undefined) throw new Error('truncated TLV header');
  let cursor = offset + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    length = 0;
    for (let i = 0; i < count; i += 1) {
      lengthByte = buffer[cursor + i];
      if (lengthByte === undefined) throw new Error('truncated length');
      length = length * 256 + lengthByte;
    }
    cursor += count;
  }
  if (cursor + length > buffer.length) throw new Error('truncated TLV content');
  return { tag, content: buffer.subarray(cursor, cursor + length), end: cursor + length };
}

export function readChildren(content: Buffer): Tlv[] {
  const children: Tlv[] = [];
  for (let offset = 0; offset < content.length; ) {
    const child = readTlv(content, offset);
    children.push(child);
    offset = child.end;
  }
  return children;
}

export function decodeInteger(content: Buffer): number {
  let value = content.length > 0 && (content[0] as number) & 0x80 ? -1 : 0;
  for (const byte of content) value = value * 256 + byte;
  return value;
}

export interface SnmpRequest {
  version: number;
  community: Buffer;
  pduType: number;
  requestId: number;
  /** getBulk: non-repeaters; otherwise error-status. */
  field2: number;
  /** getBulk: max-repetitions; otherwise error-index. */
  field3: number;
  oids: string[];
}

export function decodeRequest(message: Buffer): SnmpRequest {
  const top = readTlv(message);
  if (top.tag !== TAG.sequence) throw new Error('not a sequence');
  const [version, community, pdu] = readChildren(top.content);
  if (!version || !community || !pdu) throw new Error('short message');
  const [requestId, field2, field3, varbinds] = readChildren(pdu.content);
  if (!requestId || !field2 || !field3 || !varbinds) throw new Error('short PDU');
  const oids = readChildren(varbinds.content).map((vb) => {
    const [name] = readChildren(vb.content);
    if (!name) throw new Error('empty varbind');
    return decodeOid(name.content);
  });
  return {
    version: decodeInteger(version.content),
    community: community.content,
    pduType: pdu.tag,
    requestId: decodeInteger(requestId.content),
    field2: decodeInteger(field2.content),
    field3: decodeInteger(field3.content),
    oids,
  };
}

/** A varbind whose value is already encoded. */
export function varbind(oid: string, encodedValue: Buffer): Buffer {
  return tlv(TAG.sequence, Buffer.concat([encodeOid(oid), encodedValue]));
}

export function encodeResponse(request: SnmpRequest, varbinds: Buffer[], errorStatus = 0, errorIndex = 0): Buffer {
  const pdu = tlv(
    TAG.response,
    Buffer.concat([
      encodeInteger(request.requestId),
      encodeInteger(errorStatus),
      encodeInteger(errorIndex),
      tlv(TAG.sequence, Buffer.concat(varbinds)),
    ]),
  );
  return tlv(TAG.sequence, Buffer.concat([encodeInteger(request.version), tlv(TAG.octetString, request.community), pdu]));
}
