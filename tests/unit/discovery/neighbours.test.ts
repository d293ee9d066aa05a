import dgram from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createNeighbourGate,
  primeNeighbours,
  readNeighbourLimits,
  readNeighbourTable,
  startNeighbourDiscovery,
  watchNeighbours,
  type NeighbourEntry,
} from '../../../electron/engine/discovery/neighbours';
import { ipToInt } from '../../../electron/engine/targets/ipv4';
import { parseTargets } from '../../../electron/engine/targets/parse-targets';
import { createRateLimiter } from '../../../electron/engine/util/pacing';

const LOOPBACK: Array<[number, number]> = [[ipToInt('127.0.0.0'), ipToInt('127.255.255.255')]];
const entry = (ip: string, mac: string): NeighbourEntry => ({ ip, mac, state: 'reachable', interface: 'eth0' });

describe('readNeighbourTable', () => {
  it('uses /proc/net/arp on Linux, arp -a on Windows, arp -an on macOS', async () => {
    const calls: string[] = [];
    const io = {
      readText: async () => 'IP address HW type Flags HW address Mask Device\n10.0.0.1 0x1 0x2 aa:bb:cc:00:11:22 * eth0\n',
      run: async (file: string, args: string[]) => {
        calls.push(`${file} ${args.join(' ')}`);
        return file === 'arp' && args[0] === '-a'
          ? 'Interface: 10.0.0.5 --- 0x3\n  10.0.0.1   aa-bb-cc-00-11-22   dynamic\n'
          : '? (10.0.0.1) at aa:bb:cc:0:11:22 on en0 ifscope [ethernet]\n';
      },
    };
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const [first] = await readNeighbourTable({ ...io, platform });
      expect(first?.mac).toBe('aa:bb:cc:00:11:22');
    }
    expect(calls).toEqual(['arp -a', 'arp -an']);
  });

  it('falls back to ip neigh when /proc/net/arp is unreadable', async () => {
    const table = await readNeighbourTable({
      platform: 'linux',
      readText: async () => Promise.reject(new Error('ENOENT')),
      run: async () => '10.0.0.9 dev eth0 lladdr 02:00:00:00:00:09 STALE\n',
    });
    expect(table).toEqual([{ ip: '10.0.0.9', mac: '02:00:00:00:00:09', state: 'stale', interface: 'eth0' }]);
  });

  it('reads gc_thresh3, with the kernel default when hidden (network namespaces)', async () => {
    expect(await readNeighbourLimits({ platform: 'linux', readText: async () => '4096\n' })).toEqual({ hardLimit: 4096 });
    expect(await readNeighbourLimits({ platform: 'linux', readText: () => Promise.reject(new Error('ENOENT')) })).toEqual({ hardLimit: 1024 });
  });
});

describe('createNeighbourGate', () => {
  it('lets off-link addresses and recently admitted ones through at once', async () => {
    const gate = createNeighbourGate({ onLink: [[ipToInt('10.0.0.0'), ipToInt('10.0.0.255')]], limits: { hardLimit: 64 }, windowMs: 10_000 });
    await gate.admit('10.0.0.1');
    await gate.admit('10.0.0.2');
    await gate.admit('10.0.0.1'); // same entry, no new slot
    await gate.admit('192.168.5.5'); // off-link: goes to the gateway's entry
    expect(gate.inFlight).toBe(2);
  });

  it('holds admissions beyond capacity (half the hard limit) until the resolution window passes', async () => {
    const gate = createNeighbourGate({ onLink: LOOPBACK, limits: { hardLimit: 32 }, windowMs: 150 });
    const started = performance.now();
    const admittedAt: number[] = [];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => gate.admit(`127.0.0.${i + 1}`).then(() => admittedAt.push(performance.now() - started))),
    );
    admittedAt.sort((a, b) => a - b);
    expect(admittedAt.filter((t) => t < 100).length).toBe(16); // first batch at once
    expect(admittedAt[16]).toBeGreaterThanOrEqual(140); // second batch after one window
    expect(admittedAt[39]).toBeGreaterThanOrEqual(290); // third after two
    expect(gate.inFlight).toBeLessThanOrEqual(16);
  });

  it('releases admissions in bursts of at most maxBatch, with pauses', async () => {
    const gate = createNeighbourGate({ onLink: LOOPBACK, limits: { hardLimit: 1024 }, maxBatch: 10, batchPauseMs: 100, windowMs: 10_000 });
    const started = performance.now();
    const times: number[] = [];
    await Promise.all(Array.from({ length: 25 }, (_, i) => gate.admit(`127.0.2.${i + 1}`).then(() => times.push(performance.now() - started))));
    times.sort((a, b) => a - b);
    // Three bursts (10, 10, 5): gaps of at least one pause between them, none inside them.
    expect(times[10]! - times[9]!).toBeGreaterThanOrEqual(90);
    expect(times[20]! - times[19]!).toBeGreaterThanOrEqual(90);
    expect(times[9]! - times[0]!).toBeLessThan(90);
    expect(times[19]! - times[10]!).toBeLessThan(90);
    expect(gate.inFlight).toBe(25); // capacity 512 was never the limit
  });

  it('shrinks capacity when resolved hosts already fill the table', async () => {
    const gate = createNeighbourGate({ onLink: LOOPBACK, limits: { hardLimit: 100 }, residentEntries: () => 30, windowMs: 5000 });
    // 100 × 0.5 − 30 resident = 20 slots.
    const admitted: string[] = [];
    const controller = new AbortController();
    const all = Array.from({ length: 25 }, (_, i) =>
      gate.admit(`127.0.1.${i + 1}`, controller.signal).then(() => admitted.push(`127.0.1.${i + 1}`), () => undefined),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(admitted.length).toBe(20);
    controller.abort();
    await Promise.all(all);
    expect(admitted.length).toBe(20);
  });
});

describe('primeNeighbours', () => {
  let server: dgram.Socket | null = null;
  afterEach(() => {
    server?.close();
    server = null;
  });

  it('sends one UDP datagram per on-link address (loopback) and skips the rest', async () => {
    server = dgram.createSocket('udp4');
    const received: string[] = [];
    server.on('message', (msg, rinfo) => received.push(`${rinfo.address}:${msg.length}`));
    await new Promise<void>((r) => server!.bind(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const gate = createNeighbourGate({ onLink: [[ipToInt('127.0.0.1'), ipToInt('127.0.0.1')]], limits: { hardLimit: 1024 } });
    const result = await primeNeighbours(['127.0.0.1', '10.1.2.3', '127.0.0.2'], {
      gate,
      onLink: [[ipToInt('127.0.0.1'), ipToInt('127.0.0.1')]],
      port,
      rateLimiter: createRateLimiter(1000),
    });
    expect(result).toEqual({ sent: 1, skipped: 2, aborted: false });
    await new Promise((r) => setTimeout(r, 50));
    expect(received).toEqual(['127.0.0.1:1']);
  });

  it('stops within a second on abort, even while the gate is holding it', async () => {
    const sent: string[] = [];
    const gate = createNeighbourGate({ onLink: LOOPBACK, limits: { hardLimit: 32 }, windowMs: 60_000 });
    function* many() {
      for (let i = 0; i < 65_536; i++) yield `127.1.${i >> 8}.${i & 255}`;
    }
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const result = await primeNeighbours(many(), {
      gate,
      onLink: LOOPBACK,
      signal: controller.signal,
      send: async (ip) => {
        sent.push(ip);
      },
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.aborted).toBe(true);
    expect(sent.length).toBe(16); // one batch, then held by the gate
  });
});

describe('watchNeighbours', () => {
  it('reports each new ip→mac pair as it appears, again if the MAC changes, then stops', async () => {
    const tables: NeighbourEntry[][] = [
      [entry('10.0.0.1', '02:00:00:00:00:01')],
      [entry('10.0.0.1', '02:00:00:00:00:01'), entry('10.0.0.2', '02:00:00:00:00:02'), entry('10.9.9.9', '02:00:00:00:00:99')],
      [entry('10.0.0.1', '02:00:00:00:00:01'), entry('10.0.0.2', '02:00:00:00:00:22')],
    ];
    let reads = 0;
    const reported: string[] = [];
    const watch = watchNeighbours((e) => reported.push(`${e.ip} ${e.mac}`), {
      intervalMs: 20,
      filter: (ip) => ip.startsWith('10.0.0.'),
      read: async () => tables[Math.min(reads++, tables.length - 1)]!,
    });
    await new Promise((r) => setTimeout(r, 120));
    await watch.stop();
    const readsAtStop = reads;
    await new Promise((r) => setTimeout(r, 60));
    expect(reads).toBe(readsAtStop);
    expect(reported).toEqual(['10.0.0.1 02:00:00:00:00:01', '10.0.0.2 02:00:00:00:00:02', '10.0.0.2 02:00:00:00:00:22']);
    expect(watch.seen.get('10.0.0.2')?.mac).toBe('02:00:00:00:00:22');
  });

  it('stops at once when stop() comes during a read, without waiting a poll interval', async () => {
    let finishRead: (() => void) | null = null;
    let reads = 0;
    const watch = watchNeighbours(() => undefined, {
      intervalMs: 5_000,
      read: () => {
        reads += 1;
        // The first read hangs until released (a busy event loop or a slow table); later ones answer at once.
        return reads === 1 ? new Promise<NeighbourEntry[]>((resolve) => (finishRead = () => resolve([]))) : Promise.resolve([]);
      },
    });
    await new Promise((r) => setTimeout(r, 10));
    const started = performance.now();
    const stopping = watch.stop();
    finishRead!();
    await stopping;
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(reads).toBe(2); // the hung read, then stop()'s final one
  });

  it('survives a failing read and ends on abort', async () => {
    const controller = new AbortController();
    let reads = 0;
    const watch = watchNeighbours(() => undefined, {
      intervalMs: 10,
      signal: controller.signal,
      read: async () => {
        reads += 1;
        if (reads === 1) throw new Error('EIO');
        return [];
      },
    });
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await watch.stop();
    expect(reads).toBeGreaterThan(1);
  });
});

describe('startNeighbourDiscovery', () => {
  it('primes the plan and reports only plan addresses', async () => {
    const plan = await parseTargets(['127.0.0.1-3'], { allowLarge: false, allowPublic: false });
    const controller = new AbortController();
    const reported: string[] = [];
    const discovery = startNeighbourDiscovery(
      plan,
      {
        signal: controller.signal,
        rateLimiter: createRateLimiter(1000),
        onLink: [], // nothing on-link: no datagram leaves
        gate: createNeighbourGate({ onLink: [], limits: { hardLimit: 1024 } }),
        io: {
          platform: 'linux',
          readText: async (path) =>
            path === '/proc/net/arp'
              ? 'IP address HW type Flags HW address Mask Device\n127.0.0.2 0x1 0x2 02:00:00:00:00:02 * lo\n10.0.0.1 0x1 0x2 02:00:00:00:00:03 * lo\n'
              : Promise.reject(new Error('ENOENT')),
        },
      },
      (e) => reported.push(e.ip),
    );
    expect(await discovery.primed).toEqual({ sent: 0, skipped: 3, aborted: false });
    await discovery.stop();
    expect(reported).toEqual(['127.0.0.2']);
  });

  it('reports an entry older than the scan once confirm() says its host answered, and stops waiting for the kernel', async () => {
    const plan = await parseTargets(['127.0.0.1-3'], { allowLarge: false, allowPublic: false });
    const reported: NeighbourEntry[] = [];
    const discovery = startNeighbourDiscovery(
      plan,
      {
        signal: new AbortController().signal,
        rateLimiter: createRateLimiter(1000),
        onLink: [],
        gate: createNeighbourGate({ onLink: [], limits: { hardLimit: 1024 } }),
        io: {
          platform: 'linux',
          // The kernel never re-checks these entries here: without confirm(), the scan would wait its 9 s.
          run: async () => '127.0.0.2 dev lo lladdr 02:00:00:00:00:02 STALE\n127.0.0.3 dev lo lladdr 02:00:00:00:00:03 STALE\n',
          readText: async (path) => (path === '/proc/net/arp' ? 'IP address HW type Flags HW address Mask Device\n' : Promise.reject(new Error('ENOENT'))),
        },
      },
      (e) => reported.push(e),
    );
    expect(await discovery.unconfirmed).toEqual(['127.0.0.2', '127.0.0.3']);
    discovery.confirm('127.0.0.2');
    discovery.confirm('127.0.0.2');
    discovery.confirm('127.0.0.1'); // no old entry: nothing to report
    expect(reported.map((e) => [e.ip, e.mac])).toEqual([['127.0.0.2', '02:00:00:00:00:02']]);
    await new Promise((r) => setTimeout(r, 300)); // the kernel's verdict on the other is being waited for
    discovery.confirm('127.0.0.3');
    const started = performance.now();
    await discovery.primed;
    expect(performance.now() - started).toBeLessThan(2_000);
    await discovery.stop();
    expect(reported.map((e) => e.ip)).toEqual(['127.0.0.2', '127.0.0.3']);
  });
});
