/**
 * The open TCP ports of one lab host: accepts connections on each port, sends
 * the banner a real service would (SSH, telnet), and closes idle connections.
 * Usage: node tcp-listener.js --ip 10.77.0.10 --ports 80,9100 [--ready FILE]
 */
import { createServer, type Socket } from 'node:net';
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

function serve(socket: Socket, port: number): void {
  socket.setTimeout(IDLE_MS, () => socket.destroy());
  socket.on('error', () => socket.destroy());
  const banner = BANNERS[port];
  if (banner) socket.write(banner);
  socket.on('data', () => {
    if (port === 80 || port === 631 || port === 5000) {
      socket.end('HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok');
    }
  });
}

await Promise.all(
  ports.map(
    (port) =>
      new Promise<void>((resolve, reject) => {
        const server = createServer((socket) => serve(socket, port));
        server.once('error', reject);
        server.listen({ host: ip, port, backlog: 511 }, () => resolve());
      }),
  ),
);
signalReady(args.ready);
