/**
 * TCP connect probe: finds hosts that drop ICMP on routed subnets. A port that
 * accepts (SYN-ACK) is open; one that refuses (RST → ECONNREFUSED) still
 * proves a host is there. Silence and ICMP errors prove nothing.
 */
import net from 'node:net';
import type { ConcurrencyLimiter, RateLimiter } from '../util/pacing';
import { allowManyListeners } from '../util/concurrently';

import { DEFAULT_TCP_PORTS } from '../../../shared/tcp-ports';

export interface TcpProbeOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  rateLimiter?: RateLimiter;
  ports?: readonly number[];
  /** Bounds open sockets across all hosts (file descriptors, conntrack). */
  socketLimiter?: ConcurrencyLimiter;
  /** Admission for the first packet to an on-link address (see neighbours.ts). */
  neighbourGate?: { admit(ip: string, signal?: AbortSignal): Promise<void> };
}

export interface TcpProbeResult {
  /** Some port accepted or actively refused. */
  alive: boolean;
  /** Ports that accepted a connection, ascending. */
  open: number[];
  /** Ports that answered with a reset. */
  refused: number[];
  /** Time to the first answer of any kind, ms. */
  rttMs: number | null;
}

type PortOutcome = 'open' | 'refused' | 'silent';

function connectOnce(ip: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<{ outcome: PortOutcome; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = net.connect({ host: ip, port });
    const done = (outcome: PortOutcome | null, error?: unknown) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      if (outcome) resolve({ outcome, ms: performance.now() - started });
      else reject(error);
    };
    const onAbort = () => done(null, signal!.reason);
    const timer = setTimeout(() => done('silent'), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => done('open'));
    socket.once('error', (err: NodeJS.ErrnoException) => done(err.code === 'ECONNREFUSED' ? 'refused' : 'silent'));
  });
}

/**
 * Probes the ports of one host in parallel. Rejects with the signal's reason
 * on abort (every socket is destroyed at once); otherwise never rejects.
 */
export async function probeTcp(ip: string, options: TcpProbeOptions): Promise<TcpProbeResult> {
  const { timeoutMs, signal, rateLimiter, socketLimiter } = options;
  const ports = options.ports ?? DEFAULT_TCP_PORTS;
  allowManyListeners(signal);
  signal?.throwIfAborted();
  await options.neighbourGate?.admit(ip, signal);
  const outcomes = await Promise.all(
    ports.map(async (port) => {
      const attempt = async () => {
        await rateLimiter?.take(signal);
        return connectOnce(ip, port, timeoutMs, signal);
      };
      return { port, ...(await (socketLimiter ? socketLimiter.run(attempt) : attempt())) };
    }),
  );
  const answered = outcomes.filter((o) => o.outcome !== 'silent');
  return {
    alive: answered.length > 0,
    open: outcomes.filter((o) => o.outcome === 'open').map((o) => o.port).sort((a, b) => a - b),
    refused: outcomes.filter((o) => o.outcome === 'refused').map((o) => o.port).sort((a, b) => a - b),
    rttMs: answered.length > 0 ? Math.min(...answered.map((o) => o.ms)) : null,
  };
}
