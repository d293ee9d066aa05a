import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTcp } from '../../../electron/engine/discovery/tcp-probe';
import { createConcurrencyLimiter, createRateLimiter } from '../../../electron/engine/util/pacing';

// Only loopback: a listening port, and a port known to be closed.
let server: net.Server;
let openPort = 0;
let closedPort = 0;

async function listen(): Promise<net.Server> {
  const s = net.createServer((socket) => socket.destroy());
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return s;
}

beforeAll(async () => {
  server = await listen();
  openPort = (server.address() as AddressInfo).port;
  const temp = await listen();
  closedPort = (temp.address() as AddressInfo).port;
  await new Promise((r) => temp.close(r));
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('probeTcp', () => {
  it('reports open ports, and a refused port as proof of life', async () => {
    const result = await probeTcp('127.0.0.1', { timeoutMs: 500, ports: [closedPort, openPort] });
    expect(result).toMatchObject({ alive: true, open: [openPort], refused: [closedPort] });
    expect(result.rttMs).toBeGreaterThanOrEqual(0);
  });

  it('counts a host that only refuses as alive with no open ports', async () => {
    expect(await probeTcp('127.0.0.1', { timeoutMs: 500, ports: [closedPort] })).toMatchObject({ alive: true, open: [], refused: [closedPort] });
  });

  it('respects the socket limiter and the rate limiter', async () => {
    const limiter = createConcurrencyLimiter(1);
    let peak = 0;
    const watch = setInterval(() => (peak = Math.max(peak, limiter.active)), 1);
    const result = await probeTcp('127.0.0.1', { timeoutMs: 500, ports: [openPort, closedPort, openPort], socketLimiter: limiter, rateLimiter: createRateLimiter(1000) });
    clearInterval(watch);
    expect(peak).toBeLessThanOrEqual(1);
    expect(result.open).toEqual([openPort, openPort]);
  });

  it('rejects promptly on abort while waiting to send', async () => {
    const controller = new AbortController();
    const slow = createRateLimiter(10); // a burst of 1, then one packet per 100 ms
    setTimeout(() => controller.abort(new Error('cancelled')), 20);
    const started = performance.now();
    await expect(
      probeTcp('127.0.0.1', { timeoutMs: 500, ports: Array.from({ length: 50 }, () => openPort), rateLimiter: slow, signal: controller.signal }),
    ).rejects.toThrow('cancelled');
    expect(performance.now() - started).toBeLessThan(300);
  });
});
