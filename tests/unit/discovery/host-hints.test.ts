/**
 * Host hints against responders on loopback: an mDNS responder (legacy unicast), a NetBIOS node-status
 * responder, an SSDP responder whose description is served over HTTP, and an HTTPS page with a title and
 * a self-signed certificate. Ports are ephemeral; nothing leaves 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode, encode } from 'dns-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mdnsHints } from '../../../electron/engine/discovery/host-hints/mdns';
import { netbiosHints, nodeStatusRequest, parseNodeStatus } from '../../../electron/engine/discovery/host-hints/netbios';
import { descriptionUrl, parseDescription, ssdpHints } from '../../../electron/engine/discovery/host-hints/ssdp';
import { pageTitle, webHints } from '../../../electron/engine/discovery/host-hints/web-banner';
import { fetchPage } from '../../../electron/engine/discovery/host-hints/http-fetch';

const IP = '127.0.0.1';
const sockets: Socket[] = [];
const servers: Server[] = [];

async function udpResponder(answer: (query: Buffer) => Buffer | null): Promise<number> {
  const socket = createSocket('udp4');
  sockets.push(socket);
  socket.on('message', (query, from) => {
    const reply = answer(query);
    if (reply) socket.send(reply, from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, IP, resolve));
  return socket.address().port;
}

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, IP, resolve));
  return (server.address() as { port: number }).port;
}

/** A NetBIOS node status reply with these names (15 chars, suffix, group flag). */
function nodeStatusReply(id: number, names: Array<[string, number, boolean]>): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x8400, 2);
  header.writeUInt16BE(1, 6);
  const rrName = Buffer.concat([Buffer.from([0x20]), Buffer.from(`CK${'AA'.repeat(15)}`), Buffer.from([0])]);
  const entries = Buffer.concat(names.map(([n, suffix, group]) => {
    const e = Buffer.alloc(18, 0x20);
    e.write(n.padEnd(15, ' '), 0, 'latin1');
    e[15] = suffix;
    e.writeUInt16BE(group ? 0x8400 : 0x0400, 16);
    return e;
  }));
  const rdata = Buffer.concat([Buffer.from([names.length]), entries, Buffer.alloc(46)]);
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(0x21, 0);
  fixed.writeUInt16BE(1, 2);
  fixed.writeUInt16BE(rdata.length, 8);
  return Buffer.concat([header, rrName, fixed, rdata]);
}

let mdnsPort: number;
let netbiosPort: number;
let ssdpPort: number;
let httpsPort: number;
let certDir: string;

beforeAll(async () => {
  mdnsPort = await udpResponder((query) => {
    const q = decode(query);
    return encode({
      type: 'response',
      id: q.id ?? 0,
      flags: 0x8400,
      questions: q.questions ?? [],
      answers: [
        { type: 'PTR', name: '1.0.0.127.in-addr.arpa', ttl: 120, data: 'Boardroom-TV.local' },
        { type: 'PTR', name: '_services._dns-sd._udp.local', ttl: 120, data: '_airplay._tcp.local' },
        { type: 'PTR', name: '_services._dns-sd._udp.local', ttl: 120, data: '_raop._tcp.local' },
      ],
    });
  });
  netbiosPort = await udpResponder((query) => nodeStatusReply(query.readUInt16BE(0), [['RECEPTION-PC', 0x00, false], ['SMITHCO', 0x00, true], ['RECEPTION-PC', 0x20, false]]));
  const descriptionPort = await listen(createHttpServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml' });
    res.end(`<?xml version="1.0"?><root xmlns="urn:schemas-upnp-org:device-1-0"><device><deviceType>urn:schemas-upnp-org:device:MediaRenderer:1</deviceType><friendlyName>[TV] Boardroom &amp; co</friendlyName><manufacturer>Samsung Electronics</manufacturer><modelName>QE55Q80T</modelName><serialNumber>0AB1CDEF</serialNumber></device></root>`);
  }));
  ssdpPort = await udpResponder(() => Buffer.from(`HTTP/1.1 200 OK\r\nST: upnp:rootdevice\r\nLOCATION: http://${IP}:${descriptionPort}/dmr.xml\r\n\r\n`));
  certDir = mkdtempSync(join(tmpdir(), 'forewarn-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=AXIS M3106-L/O=Axis Communications AB', '-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem')], { stdio: 'ignore' });
  httpsPort = await listen(createHttpsServer({ key: readFileSync(join(certDir, 'key.pem')), cert: readFileSync(join(certDir, 'cert.pem')) }, (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', Server: 'lighttpd/1.4.59' });
    res.end('<html><head><title>\n  AXIS M3106-L Mk II &#8211; Network Camera </title></head></html>');
  }));
});

afterAll(() => {
  for (const s of sockets) s.close();
  for (const s of servers) s.close();
  if (certDir) rmSync(certDir, { recursive: true, force: true });
});

describe('host hints (electron/engine/discovery/host-hints)', () => {
  it('reads the host\'s mDNS name and announced services by a unicast query', async () => {
    expect(await mdnsHints(IP, { timeoutMs: 1000, port: mdnsPort })).toEqual({ name: 'Boardroom-TV', services: ['_airplay._tcp', '_raop._tcp'] });
  });

  it('reads the NetBIOS machine name and workgroup from a node status reply', async () => {
    expect(await netbiosHints(IP, { timeoutMs: 1000, port: netbiosPort })).toEqual({ name: 'RECEPTION-PC', workgroup: 'SMITHCO' });
    // The request is the 50-byte NBSTAT query nmblookup sends; a reply that is not one is refused.
    expect(nodeStatusRequest(7)).toHaveLength(50);
    expect(parseNodeStatus(Buffer.alloc(30))).toBeNull();
  });

  it('reads the UPnP description the SSDP reply points to, on the host only', async () => {
    expect(await ssdpHints(IP, { timeoutMs: 1000, port: ssdpPort })).toEqual({
      friendlyName: '[TV] Boardroom & co', manufacturer: 'Samsung Electronics', modelName: 'QE55Q80T', modelNumber: null, serialNumber: '0AB1CDEF', deviceType: 'MediaRenderer',
    });
    // A LOCATION elsewhere than the scanned host is not followed.
    expect(descriptionUrl('HTTP/1.1 200 OK\r\nLOCATION: http://203.0.113.9/desc.xml\r\n', IP)).toBeNull();
    expect(parseDescription('<not xml')).toBeNull();
  });

  it('reads the web page\'s title, Server header and certificate subject over HTTPS', async () => {
    const page = await fetchPage(`https://${IP}:${httpsPort}/`, { timeoutMs: 2000 });
    expect(page).toMatchObject({ status: 200, server: 'lighttpd/1.4.59', certificate: { commonName: 'AXIS M3106-L', organization: 'Axis Communications AB' } });
    expect(pageTitle(page!.body)).toBe('AXIS M3106-L Mk II – Network Camera');
    // webHints picks the first web port the scan found open; none open, nothing asked.
    expect(await webHints(IP, [], { timeoutMs: 500 })).toBeNull();
  });

  it('says nothing, within its timeout, when nobody answers', async () => {
    const silent = await udpResponder(() => null);
    const started = Date.now();
    expect(await mdnsHints(IP, { timeoutMs: 200, port: silent })).toBeNull();
    expect(await netbiosHints(IP, { timeoutMs: 200, port: silent })).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
    const aborted = AbortSignal.abort();
    expect(await ssdpHints(IP, { timeoutMs: 5000, port: silent, signal: aborted })).toBeNull();
  });
});
