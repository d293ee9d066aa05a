/**
 * The NetBIOS name and workgroup of a Windows (or Samba) host: one node
 * status request (NBSTAT, RFC 1002 §4.2.17) to its UDP port 137, as
 * `nmblookup -A` and Angry IP Scanner send it. The request is a fixed
 * 50-byte packet; the reply lists the names the host has registered.
 */
import { udpQuery, type UdpQueryOptions } from './udp-query';

export interface NetbiosHints {
  /** The workstation/server name (a unique <00> name). */
  name: string;
  /** The workgroup or domain (a group <00> name), when it has one. */
  workgroup: string | null;
}

const NETBIOS_PORT = 137;
/** The wildcard name "*", first-level encoded (RFC 1001 §14.1): '*' then 15 NULs, each nibble + 'A'. */
const WILDCARD = Buffer.from(`CK${'AA'.repeat(15)}`, 'ascii');
const NBSTAT = 0x0021;
const GROUP_FLAG = 0x8000;

export function nodeStatusRequest(id: number): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0, 2); // a query, no recursion
  header.writeUInt16BE(1, 4); // one question
  const question = Buffer.concat([Buffer.from([0x20]), WILDCARD, Buffer.from([0x00]), Buffer.from([0x00, NBSTAT, 0x00, 0x01])]);
  return Buffer.concat([header, question]);
}

/** The names of a node status response: 15-character name, suffix byte, flags. Null when it is not one. */
export function parseNodeStatus(reply: Buffer): Array<{ name: string; suffix: number; group: boolean }> | null {
  // Header (12), the echoed name (34), type, class, TTL, RDLENGTH (10), then the name count.
  const countAt = 12 + 34 + 10;
  if (reply.length < countAt + 1 || (reply.readUInt16BE(2) & 0x8000) === 0 || reply.readUInt16BE(12 + 34) !== NBSTAT) return null;
  const count = reply[countAt]!;
  const names: Array<{ name: string; suffix: number; group: boolean }> = [];
  for (let i = 0; i < count; i++) {
    const at = countAt + 1 + i * 18;
    if (at + 18 > reply.length) break;
    const name = reply.subarray(at, at + 15).toString('latin1').replace(/[\s\0]+$/, '');
    names.push({ name, suffix: reply[at + 15]!, group: (reply.readUInt16BE(at + 16) & GROUP_FLAG) !== 0 });
  }
  return names;
}

const PRINTABLE = /^[\x21-\x7e][\x20-\x7e]{0,14}$/;

export async function netbiosHints(ip: string, options: UdpQueryOptions): Promise<NetbiosHints | null> {
  const id = Math.floor(Math.random() * 0xffff);
  const reply = await udpQuery(ip, options.port ?? NETBIOS_PORT, nodeStatusRequest(id), options, (message) => message.length >= 2 && message.readUInt16BE(0) === id);
  const names = reply ? parseNodeStatus(reply) : null;
  if (!names) return null;
  const machine = names.find((n) => n.suffix === 0x00 && !n.group && PRINTABLE.test(n.name));
  if (!machine) return null;
  const workgroup = names.find((n) => n.suffix === 0x00 && n.group && PRINTABLE.test(n.name))?.name ?? null;
  return { name: machine.name, workgroup };
}
