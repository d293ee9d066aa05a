/**
 * The name services a lab host without SNMP answers on, as real ones do:
 * mDNS legacy-unicast queries (its .local name and DNS-SD services), NetBIOS
 * node status (its Windows name and workgroup) and SSDP M-SEARCH (pointing at
 * its UPnP description on port 80); and the office's DNS server, which the
 * router runs as small-office routers do: PTR names of the DHCP clients it
 * registered, NXDOMAIN for the rest, and no recursion (nothing leaves the lab).
 * Packets are built by hand: lab agents use Node's built-ins only.
 */
import { createSocket } from 'node:dgram';

export interface HostHints {
  mdns?: { name: string; services: string[] };
  netbios?: { name: string; workgroup: string };
  ssdp?: { friendlyName: string; manufacturer: string; modelName: string; deviceType: string };
  title?: string;
  tls?: { commonName: string; organization: string };
  /** The office DNS: address → the name its PTR record gives. */
  dns?: Record<string, string>;
}

function dnsName(name: string): Buffer {
  const labels = name.replace(/\.$/, '').split('.');
  return Buffer.concat([...labels.map((l) => Buffer.concat([Buffer.from([Buffer.byteLength(l)]), Buffer.from(l)])), Buffer.from([0])]);
}

function ptrRecord(owner: string, target: string): Buffer {
  const rdata = dnsName(target);
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(12, 0); // PTR
  fixed.writeUInt16BE(1, 2); // IN
  fixed.writeUInt32BE(120, 4);
  fixed.writeUInt16BE(rdata.length, 8);
  return Buffer.concat([dnsName(owner), fixed, rdata]);
}

export function mdnsAnswer(query: Buffer, ip: string, mdns: NonNullable<HostHints['mdns']>): Buffer {
  const records = [
    ptrRecord(`${ip.split('.').reverse().join('.')}.in-addr.arpa`, `${mdns.name}.local`),
    ...mdns.services.map((s) => ptrRecord('_services._dns-sd._udp.local', `${s}.local`)),
  ];
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0); // a legacy-unicast answer echoes the query's id
  header.writeUInt16BE(0x8400, 2);
  header.writeUInt16BE(records.length, 6);
  return Buffer.concat([header, ...records]);
}

/** The question of a DNS query: its name (lower case, no trailing dot), type, and where the question ends. */
function questionOf(query: Buffer): { name: string; type: number; end: number } | null {
  const labels: string[] = [];
  let at = 12;
  while (at < query.length && query[at] !== 0) {
    const length = query[at]!;
    if (length > 63 || at + 1 + length > query.length) return null;
    labels.push(query.toString('latin1', at + 1, at + 1 + length));
    at += 1 + length;
  }
  if (at + 5 > query.length) return null;
  return { name: labels.join('.').toLowerCase(), type: query.readUInt16BE(at + 1), end: at + 5 };
}

/** A unicast DNS server's answer: the PTR of a registered address, else NXDOMAIN (rcode 3), never recursion. */
export function dnsAnswer(query: Buffer, names: Record<string, string>): Buffer | null {
  const question = query.length >= 12 ? questionOf(query) : null;
  if (!question) return null;
  const ip = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa$/.exec(question.name)?.slice(1).reverse().join('.');
  const name = question.type === 12 && ip ? names[ip] : undefined;
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0);
  // QR, the query's RD echoed, RA clear (no recursion here); rcode 0 or NXDOMAIN.
  header.writeUInt16BE(0x8400 | (query.readUInt16BE(2) & 0x0100) | (name ? 0 : 3), 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(name ? 1 : 0, 6);
  const asked = query.subarray(12, question.end);
  return Buffer.concat([header, asked, ...(name ? [ptrRecord(question.name, name)] : [])]);
}

export function nodeStatusAnswer(query: Buffer, netbios: NonNullable<HostHints['netbios']>): Buffer {
  const names: Array<[string, number, boolean]> = [[netbios.name, 0x00, false], [netbios.workgroup, 0x00, true], [netbios.name, 0x20, false]];
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0);
  header.writeUInt16BE(0x8400, 2);
  header.writeUInt16BE(1, 6);
  const entries = names.map(([n, suffix, group]) => {
    const e = Buffer.alloc(18, 0x20);
    e.write(n.slice(0, 15), 0, 'latin1');
    e[15] = suffix;
    e.writeUInt16BE(group ? 0x8400 : 0x0400, 16);
    return e;
  });
  const rdata = Buffer.concat([Buffer.from([names.length]), ...entries, Buffer.alloc(46)]);
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(0x21, 0);
  fixed.writeUInt16BE(1, 2);
  fixed.writeUInt16BE(rdata.length, 8);
  return Buffer.concat([header, query.subarray(12, 12 + 34), fixed, rdata]);
}

export function upnpDescription(ssdp: NonNullable<HostHints['ssdp']>): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xml version="1.0"?>\n<root xmlns="urn:schemas-upnp-org:device-1-0"><specVersion><major>1</major><minor>0</minor></specVersion><device><deviceType>${esc(ssdp.deviceType)}</deviceType><friendlyName>${esc(ssdp.friendlyName)}</friendlyName><manufacturer>${esc(ssdp.manufacturer)}</manufacturer><modelName>${esc(ssdp.modelName)}</modelName><UDN>uuid:forewarn-lab</UDN></device></root>\n`;
}

function udpService(ip: string, port: number, answer: (query: Buffer) => Buffer | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.on('message', (query, from) => {
      const reply = answer(query);
      if (reply) socket.send(reply, from.port, from.address);
    });
    socket.once('error', reject);
    socket.bind(port, ip, () => resolve());
  });
}

/** Starts every service the hints ask for, on the host's address. */
export async function serveNameServices(ip: string, hints: HostHints): Promise<void> {
  const services: Array<Promise<void>> = [];
  const { mdns, netbios, ssdp, dns } = hints;
  if (dns) services.push(udpService(ip, 53, (q) => dnsAnswer(q, dns)));
  if (mdns) services.push(udpService(ip, 5353, (q) => (q.length >= 12 ? mdnsAnswer(q, ip, mdns) : null)));
  if (netbios) services.push(udpService(ip, 137, (q) => (q.length >= 50 ? nodeStatusAnswer(q, netbios) : null)));
  if (ssdp) {
    const reply = Buffer.from(`HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nST: upnp:rootdevice\r\nUSN: uuid:forewarn-lab::upnp:rootdevice\r\nLOCATION: http://${ip}/upnp.xml\r\nSERVER: Linux/4.1 UPnP/1.0 Forewarn-lab/1.0\r\n\r\n`);
    services.push(udpService(ip, 1900, (q) => (/^M-SEARCH/.test(q.toString('latin1', 0, 8)) ? reply : null)));
  }
  await Promise.all(services);
}
