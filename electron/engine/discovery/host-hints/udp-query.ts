/**
 * One UDP request to one host and its first reply, bounded in time: the
 * shape of every name query here (mDNS, NetBIOS, SSDP). The socket is closed
 * on the reply, on the timeout or on cancellation, whichever comes first.
 */
import { createSocket } from 'node:dgram';

export interface UdpQueryOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** The service's port, when not its well-known one (tests on loopback). */
  port?: number;
}

/** The first datagram from `ip` accepted by `accept`, or null when none came in time. */
export function udpQuery(ip: string, port: number, request: Buffer, options: UdpQueryOptions, accept: (reply: Buffer) => boolean = () => true): Promise<Buffer | null> {
  return new Promise((resolve) => {
    if (options.signal?.aborted) return resolve(null);
    const socket = createSocket('udp4');
    let settled = false;
    const finish = (reply: Buffer | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.close();
      resolve(reply);
    };
    const onAbort = () => finish(null);
    const timer = setTimeout(() => finish(null), options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.on('error', () => finish(null));
    socket.on('message', (message, from) => {
      if (from.address === ip && accept(message)) finish(message);
    });
    socket.send(request, port, ip, (error) => {
      if (error) finish(null);
    });
  });
}
