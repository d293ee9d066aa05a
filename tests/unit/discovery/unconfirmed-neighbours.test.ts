import { describe, expect, it } from 'vitest';
import type { NeighbourEntry } from '../../../electron/engine/discovery/neighbour-parsers';
import { readUnconfirmedAddresses, reconfirmationMs, settleUnconfirmed } from '../../../electron/engine/discovery/unconfirmed-neighbours';

const IP_NEIGH = [
  '10.0.0.1 dev eth0 lladdr 00:1b:54:00:00:01 REACHABLE',
  '10.0.0.45 dev eth0 lladdr 80:96:21:00:00:2d STALE',
  '10.0.0.46 dev eth0 lladdr 80:96:21:00:00:2e DELAY',
  '10.0.0.47 dev eth0 lladdr 80:96:21:00:00:2f PROBE',
  '10.0.0.48 dev eth0  FAILED',
  '192.168.9.9 dev eth1 lladdr 80:96:21:00:00:99 STALE',
].join('\n');

const linux = (text: string) => ({ platform: 'linux' as const, run: async () => text });
const entry = (ip: string, state: string): NeighbourEntry => ({ ip, mac: '80:96:21:00:00:01', state, interface: 'eth0' });

describe('entries older than the scan', () => {
  it('are unconfirmed when STALE, DELAY or PROBE, inside the plan only; REACHABLE and FAILED are not', async () => {
    const unconfirmed = await readUnconfirmedAddresses((ip) => ip.startsWith('10.0.0.'), linux(IP_NEIGH));
    expect([...unconfirmed].sort()).toEqual(['10.0.0.45', '10.0.0.46', '10.0.0.47']);
  });

  it('are trusted where the table has no freshness (Windows, macOS) or cannot be read', async () => {
    expect((await readUnconfirmedAddresses(() => true, { platform: 'win32', run: async () => IP_NEIGH })).size).toBe(0);
    expect((await readUnconfirmedAddresses(() => true, { platform: 'linux', run: async () => Promise.reject(new Error('no ip')) })).size).toBe(0);
  });

  it('waits for the kernel to confirm or fail each one: confirmed ones count, gone and undecided ones stay out', async () => {
    const unconfirmed = new Set(['10.0.0.45', '10.0.0.46', '10.0.0.47']);
    const rounds: NeighbourEntry[][] = [
      [entry('10.0.0.45', 'delay'), entry('10.0.0.46', 'delay'), entry('10.0.0.47', 'delay')],
      [entry('10.0.0.45', 'probe'), entry('10.0.0.46', 'reachable'), entry('10.0.0.47', 'delay')],
      [entry('10.0.0.47', 'delay')], // .45 failed: no longer listed
    ];
    let round = 0;
    await settleUnconfirmed(unconfirmed, { timeoutMs: 200, intervalMs: 5, read: async () => rounds[Math.min(round++, rounds.length - 1)]! });
    expect([...unconfirmed].sort()).toEqual(['10.0.0.45', '10.0.0.47']);
  });

  it('stops waiting as soon as every entry is decided', async () => {
    const started = performance.now();
    await settleUnconfirmed(new Set(['10.0.0.45']), { timeoutMs: 5_000, intervalMs: 5, read: async () => [] });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('allows the kernel its re-probe time, read from the namespace (delay + probes × timeout + slack)', async () => {
    const values: Record<string, string> = { delay_first_probe_time: '5\n', ucast_solicit: '3\n', retrans_time_ms: '1000\n' };
    const readText = async (path: string) => values[path.split('/').pop()!] ?? Promise.reject(new Error('missing'));
    expect(await reconfirmationMs({ readText })).toBe(9_000);
    values.delay_first_probe_time = '2\n';
    expect(await reconfirmationMs({ readText })).toBe(6_000);
    // A network namespace has no "default" folder: the kernel's own defaults.
    expect(await reconfirmationMs({ readText: async () => Promise.reject(new Error('ENOENT')) })).toBe(9_000);
  });
});
