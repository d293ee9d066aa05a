// Real ping processes to loopback only (house rule): the system's ping must be installed.
import { describe, expect, it } from 'vitest';
import { pingHost } from '../../../electron/engine/discovery/icmp';
import { missingTool } from '../../support/system-tools';

describe.skipIf(missingTool('ping'))('pingHost (loopback)', () => {
  it('reports 127.0.0.1 alive with an RTT', async () => {
    const result = await pingHost('127.0.0.1', { timeoutMs: 500 });
    expect(result.alive).toBe(true);
    expect(result.rttMs).toBeGreaterThanOrEqual(0);
    expect(result.rttMs).toBeLessThan(500);
    expect(result.lossPercent).toBe(0);
  });

  it('kills the probe and rejects promptly on abort', async () => {
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(new Error('cancelled')), 50);
    // 5 requests 200 ms apart would take ~1 s.
    await expect(pingHost('127.0.0.1', { timeoutMs: 500, count: 5, signal: controller.signal, mode: 'direct' })).rejects.toThrow('cancelled');
    expect(performance.now() - started).toBeLessThan(400);
  });
});

describe.skipIf(missingTool('ping'))('batched pings (one shell per batch)', () => {
  it.each([
    ['batched', 200],
    ['direct', 40],
  ] as const)('answers concurrent loopback probes, each with its own result (%s)', async (mode, n) => {
    const ips = Array.from({ length: n }, (_, i) => `127.0.${i >> 8}.${(i & 255) + 1}`);
    // Generous timeout: the point is that every probe gets its own answer, not how fast a loaded CI box replies.
    const results = await Promise.all(ips.map((ip) => pingHost(ip, { timeoutMs: 3000, mode })));
    expect(results.filter((r) => r.alive && r.rttMs !== null).length).toBe(n);
  }, 15_000); // a reply lost in the burst costs one ping timeout before it is asked again (ping-batch.ts)

  it('rejects batched probes promptly on abort', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('cancelled')), 50);
    const started = performance.now();
    const probes = Array.from({ length: 20 }, (_, i) => pingHost(`127.0.3.${i + 1}`, { timeoutMs: 500, count: 5, signal: controller.signal, mode: 'batched' }));
    const settled = await Promise.allSettled(probes);
    expect(settled.every((s) => s.status === 'rejected')).toBe(true);
    expect(performance.now() - started).toBeLessThan(400);
  });
});
