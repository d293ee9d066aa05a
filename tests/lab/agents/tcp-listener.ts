/**
 * The open TCP ports of one lab host: accepts connections on each port, sends
 * the banner a real service would (SSH, telnet), and closes idle connections.
 * With --hints (base64 JSON, see name-services.ts) it also answers mDNS, NetBIOS and SSDP, and its port 80
 * serves a page with the host's title and its UPnP description.
 * With --tls-key and --tls-cert its port 443 speaks TLS (the same page behind it).
 * Usage: node tcp-listener.js --ip 10.77.0.10 --ports 80,9100 [--hints B64] [--tls-key F --tls-cert F] [--ready FILE]
 */
import { readFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { serveNameServices, upnpDescription, type HostHints } from './name-services.js';
import { parseArgs, signalReady } from './ready.js';

const BANNERS: Record<number, string> = {
  21: '220 FTP server ready\r\n',
  22: 'SSH-2.0-OpenSSH_8.9p1\r\n',
  23: '\r\nUser Access Verification\r\n\r\nUsername: ',
};
const IDLE_MS = 5_000;

const args = parseArgs(process.argv.slice(2));
const ip = args.ip ?? '0.0.0.0';
const ports = (args.ports ?? '').split(',').filter(Boolean).map(Number);
const tlsOptions = args['tls-key'] && args['tls-cert'] ? { key: readFileSync(args['tls-key']), cert: readFileSync(args['tls-cert']) } : null;
const hints: HostHints = args.hints ? (JSON.parse(Buffer.from(args.hints, 'base64').toString('utf8')) as HostHints) : {};

/** The answer of a web port: the UPnP description, the host's titled page, or a bare "ok". */
function httpResponse(request: string): string {
  const path = /^GET (\S+)/.exec(request)?.[1] ?? '/';
  const respond = (type: string, body: string) => `HTTP/1.0 200 OK\r\nContent-Type: ${type}\r\nServer: lab-httpd/1.0\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  if (path === '/upnp.xml' && hints.ssdp) return respond('text/xml', upnpDescription(hints.ssdp));
  if (hints.title) return respond('text/html; charset=utf-8', `<!doctype html><html><head><title>${hints.title}</title></head><body></body></html>`);
  return respond('text/plain', 'ok');
}

function serve(socket: Socket, port: number): void {
  socket.setTimeout(IDLE_MS, () => socket.destroy());
  socket.on('error', () => socket.destroy());
  const banner = BANNERS[port];
  if (banner) socket.write(banner);
  socket.on('data', (data) => {
    if (port === 80 || port === 631 || port === 5000 || (port === 443 && tlsOptions)) socket.end(httpResponse(data.toString('latin1')));
  });
}

await Promise.all(
  ports.map(
    (port) =>
      new Promise<void>((resolve, reject) => {
        const server = port === 443 && tlsOptions ? createTlsServer(tlsOptions, (socket) => serve(socket, port)) : createServer((socket) => serve(socket, port));
        server.once('error', reject);
        server.listen({ host: ip, port, backlog: 511 }, () => resolve());
      }),
  ),
);
await serveNameServices(ip, hints);
signalReady(args.ready);
