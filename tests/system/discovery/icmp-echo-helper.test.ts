// The echo helper against loopback only (house rule). It needs perl and an ICMP socket:
// root (a raw socket), or a group inside net.ipv4.ping_group_range (a datagram socket).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IcmpEchoHelper } from '../../../electron/engine/discovery/icmp-echo-helper';
import { pingHost } from '../../../electron/engine/discovery/icmp';

function mayOpenIcmpSocket(): boolean {
  if (process.platform !== 'linux') return process.platform === 'darwin';
  if (process.getuid?.() === 0) return true;
  const [low, high] = readFileSync('/proc/sys/net/ipv4/ping_group_range', 'utf8').trim().split(/\s+/).map(Number);
  const gid = process.getgid?.() ?? -1;
  return low! <= gid && gid <= high!;
}

// With CI=true nothing may skip: CI runs as root, so the helper must start there.
describe.runIf(mayOpenIcmpSocket() || process.env.CI === 'true')('ICMP echo helper (loopback)', () => {
  let helper: IcmpEchoHelper;
  beforeAll(async () => {
    const started = await IcmpEchoHelper.start();
    expect(started, 'perl and an ICMP socket are available here, so the helper must start').not.toBeNull();
    helper = started!;
  });
  afterAll(() => helper?.close());

  it('answers many concurrent requests, each with its own round trip', async () => {
    const ips = Array.from({ length: 500 }, (_, i) => `127.1.${Math.floor(i / 250)}.${(i % 250) + 1}`);
    const results = await Promise.all(ips.map((ip) => helper.ping(ip, 2000)));
    expect(results.filter((r) => r.alive && r.rttMs !== null && r.rttMs < 2000)).toHaveLength(ips.length);
  });

  it.each(['localhost', '127.0.0.256'])('ignores %s, not an IPv4 address (no name lookups): it times out, and the helper keeps serving', async (notAnAddress) => {
    const started = performance.now();
    expect(await helper.ping(notAnAddress, 300)).toMatchObject({ alive: false, rttMs: null, lossPercent: 100 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect((await helper.ping('127.0.0.1', 1000)).alive).toBe(true);
  });

  it('settles a request at once when its scan is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const started = performance.now();
    await expect(pingHost('127.0.0.1', { timeoutMs: 2000, signal: controller.signal, mode: 'helper' })).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('is what pingHost uses for a single request', async () => {
    const result = await pingHost('127.0.0.1', { timeoutMs: 1000, mode: 'helper' });
    expect(result).toMatchObject({ alive: true, lossPercent: 0 });
  });
});

describe('ICMP echo helper where it cannot run', () => {
  it('answers null when perl is missing, so pings fall back to the system ping', async () => {
    expect(await IcmpEchoHelper.start('auto', '/nonexistent/perl')).toBeNull();
  });
});
