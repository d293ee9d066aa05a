import dgram from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { reverseLookup } from '../../../electron/engine/discovery/reverse-dns';

/** A tiny DNS server on loopback answering every PTR query with `answer` (or staying silent). */
async function fakeDns(answer: string | null): Promise<{ server: dgram.Socket; address: string }> {
  const server = dgram.createSocket('udp4');
  server.on('message', (query, rinfo) => {
    if (answer === null) return;
    let end = 12;
    while (query[end] !== 0) end += query[end]! + 1;
    const question = query.subarray(12, end + 5);
    const name = Buffer.concat([...answer.split('.').map((l) => Buffer.concat([Buffer.from([Buffer.byteLength(l)]), Buffer.from(l)])), Buffer.from([0])]);
    const header = Buffer.from([query[0]!, query[1]!, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0]);
    const rr = Buffer.concat([Buffer.from([0xc0, 0x0c, 0, 12, 0, 1, 0, 0, 0, 60, 0, name.length]), name]);
    server.send(Buffer.concat([header, question, rr]), rinfo.port, rinfo.address);
  });
  await new Promise<void>((r) => server.bind(0, '127.0.0.1', r));
  return { server, address: `127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let server: dgram.Socket | null = null;
afterEach(() => {
  server?.close();
  server = null;
});

describe('reverseLookup', () => {
  it('returns the PTR name without the trailing dot', async () => {
    const dns = await fakeDns('printer-2f.office.lan');
    server = dns.server;
    expect(await reverseLookup('10.0.0.9', { timeoutMs: 1000, servers: [dns.address] })).toBe('printer-2f.office.lan');
  });

  it('strips characters no hostname has (untrusted text)', async () => {
    const dns = await fakeDns('evil<script>x');
    server = dns.server;
    expect(await reverseLookup('10.0.0.9', { timeoutMs: 1000, servers: [dns.address] })).toBe('evilscriptx');
  });

  it('returns null after the timeout when the server is silent', async () => {
    const dns = await fakeDns(null);
    server = dns.server;
    const started = performance.now();
    expect(await reverseLookup('10.0.0.9', { timeoutMs: 200, servers: [dns.address] })).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('returns null promptly on abort and for garbage input', async () => {
    const dns = await fakeDns(null);
    server = dns.server;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = performance.now();
    expect(await reverseLookup('10.0.0.9', { timeoutMs: 5000, servers: [dns.address], signal: controller.signal })).toBeNull();
    expect(performance.now() - started).toBeLessThan(500);
    expect(await reverseLookup('not-an-ip', { timeoutMs: 200, servers: [dns.address] })).toBeNull();
  });
});
