/**
 * The echo helper's unprivileged path (a datagram ICMP socket, what a
 * technician's laptop uses) inside the technician's namespace: the namespace
 * is told to allow root's group, as systemd allows every group on a laptop.
 * Its answers must match the lab's truth: replies from the hosts that answer
 * ping, silence from those that drop it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ECHO_HELPER_SCRIPT } from '../../electron/engine/discovery/icmp-echo-helper';
import { execInTech, truth } from './lab.js';

const labAvailable = inject('labAvailable');
const RANGE = '/proc/sys/net/ipv4/ping_group_range';

describe.skipIf(!labAvailable)('ICMP echo helper, datagram socket, in the lab', () => {
  let dir = '';
  let before = '';
  let script = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'forewarn-echo-'));
    script = join(dir, 'echo.pl');
    writeFileSync(script, ECHO_HELPER_SCRIPT);
    before = (await execInTech('cat', [RANGE])).stdout.trim();
  });
  afterAll(async () => {
    if (before) await execInTech('sh', ['-c', `echo '${before}' > ${RANGE}`]);
    rmSync(dir, { recursive: true, force: true });
  });

  async function sweep(addresses: string[]): Promise<{ ready: string; replied: string[] }> {
    const input = addresses.join('\\n');
    const { stdout } = await execInTech('sh', ['-c', `printf '${input}\\n' | perl ${script} dgram`], { timeoutMs: 20_000 });
    const [ready = '', ...lines] = stdout.trim().split('\n');
    // "address" or "address round-trip-ms"
    return { ready, replied: lines.map((line) => line.split(' ')[0]!) };
  }

  it('refuses a datagram socket while the namespace allows no group (a locked-down Linux): the engine then falls back to ping', async () => {
    await execInTech('sh', ['-c', `echo '1 0' > ${RANGE}`]);
    const { ready } = await sweep([truth.router.ip]);
    expect(ready).toMatch(/^unavailable/);
  });

  it('with the group allowed, hears every host that answers ping and none that drops it', async () => {
    await execInTech('sh', ['-c', `echo '0 0' > ${RANGE}`]);
    const answering = truth.liveLanIps.filter((ip) => !truth.icmpDroppingHosts.some((h) => h.ip === ip));
    const dropping = truth.icmpDroppingHosts.map((h) => h.ip);
    const { ready, replied } = await sweep([...answering, ...dropping, ...truth.voidNetwork.liveAddresses]);
    expect(ready).toBe('ready dgram');
    expect(new Set(replied)).toEqual(new Set([...answering, ...truth.voidNetwork.liveAddresses]));
  });
});
