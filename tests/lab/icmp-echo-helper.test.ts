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
import { createInterface } from 'node:readline';
import { ECHO_HELPER_SCRIPT } from '../../electron/engine/discovery/icmp-echo-helper';
import { execInTech, spawnInTech, truth } from './lab.js';

const labAvailable = inject('labAvailable');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
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

  it('never waits on its socket for a reply it has already read (raw socket: it sees every ICMP packet)', async () => {
    const helper = spawnInTech('perl', ['-e', ECHO_HELPER_SCRIPT, 'raw'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const lines = createInterface({ input: helper.stdout! });
    const nextLine = () => new Promise<string>((resolve) => lines.once('line', resolve));
    try {
      expect(await nextLine()).toBe('ready raw');
      await sleep(200); // into its wait for input
      // Held still, the helper gets a request to send and, on its socket, someone else's echo reply: when it
      // wakes, both are ready at once. It used to send the request, read the reply while draining, then read
      // the socket again because its wait had said so, and block there for good, every later request unsent.
      helper.kill('SIGSTOP');
      helper.stdin!.write('10.78.100.1\n');
      expect((await execInTech('ping', ['-c', '1', '-W', '1', truth.voidNetwork.liveAddresses[0]!])).code).toBe(0);
      helper.kill('SIGCONT');
      await sleep(200);
      const reply = nextLine();
      helper.stdin!.write(`${truth.voidNetwork.liveAddresses[1]}\n`);
      const heard = await Promise.race([reply, sleep(2_000).then(() => 'nothing within 2 s')]);
      expect(heard.split(' ')[0]).toBe(truth.voidNetwork.liveAddresses[1]);
    } finally {
      helper.kill('SIGCONT');
      helper.kill();
    }
  });
});
