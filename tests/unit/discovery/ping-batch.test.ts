import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PingBatcher } from '../../../electron/engine/discovery/ping-batch';
import type { RateLimiter } from '../../../electron/engine/util/pacing';

/**
 * A stand-in for `ping` (no packets): addresses in 10.0.0.0/24 reply, 10.0.1.x
 * stay silent the first time they are asked and reply afterwards (a reply lost
 * in a burst), 10.0.2.x never reply. Silence ends after a short wait, as a
 * ping timeout does. Each ask leaves a marker.
 */
const workDir = mkdtempSync(join(tmpdir(), 'forewarn-ping-batch-'));
const fakePing = join(workDir, 'fake-ping');
writeFileSync(
  fakePing,
  `#!/bin/sh
marker_dir="$1"; ip="$2"
reply() { echo "64 bytes from $ip: icmp_seq=1 ttl=64 time=0.05 ms"; echo "1 packets transmitted, 1 received, 0% packet loss"; }
silent() { sleep 0.3; echo "1 packets transmitted, 0 received, 100% packet loss"; }
asked_before=no; [ -e "$marker_dir/$ip" ] && asked_before=yes
echo >> "$marker_dir/$ip"
case "$ip" in
  10.0.0.*) reply ;;
  10.0.1.*) if [ $asked_before = yes ]; then reply; else silent; fi ;;
  *) silent ;;
esac
`,
);
chmodSync(fakePing, 0o755);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function batcherWith(markerDir: string, replyBurst: number): PingBatcher {
  return new PingBatcher({ file: fakePing, args: [markerDir], platform: 'linux', count: 1, batchDeadlineMs: 10_000, replyBurst, gatherMs: 20 });
}

async function pingAll(batcher: PingBatcher, ips: string[], rateLimiter?: RateLimiter) {
  const results = await Promise.all(ips.map((ip) => batcher.ping(ip, undefined, rateLimiter)));
  return new Map(ips.map((ip, i) => [ip, results[i]!.alive]));
}

const live = Array.from({ length: 40 }, (_, i) => `10.0.0.${i + 1}`);
const lostOnce = ['10.0.1.1', '10.0.1.2'];
const dead = ['10.0.2.1'];

describe('PingBatcher after a burst of replies', () => {
  it('asks silent addresses once more, and still reports the dead as dead', async () => {
    const markers = mkdtempSync(join(workDir, 'burst-'));
    const alive = await pingAll(batcherWith(markers, 32), [...live, ...lostOnce, ...dead]);
    expect(live.every((ip) => alive.get(ip))).toBe(true);
    expect(lostOnce.map((ip) => alive.get(ip))).toEqual([true, true]);
    expect(alive.get('10.0.2.1')).toBe(false);
  });

  it('spends the scan’s packet budget on every second ask (the first was paced by the caller)', async () => {
    const markers = mkdtempSync(join(workDir, 'paced-'));
    let taken = 0;
    const rateLimiter: RateLimiter = { take: async () => void (taken += 1) };
    await pingAll(batcherWith(markers, 32), [...live, ...lostOnce, ...dead], rateLimiter);
    expect(taken).toBe(lostOnce.length + dead.length);
  });

  it('does not ask again when the batch met no burst (dead address space stays one timeout)', async () => {
    const markers = mkdtempSync(join(workDir, 'sparse-'));
    const alive = await pingAll(batcherWith(markers, 100), [...live, ...lostOnce, ...dead]);
    expect(lostOnce.map((ip) => alive.get(ip))).toEqual([false, false]);
    expect(alive.get('10.0.2.1')).toBe(false);
  });
});
