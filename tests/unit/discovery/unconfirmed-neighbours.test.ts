import { describe, expect, it } from 'vitest';
import type { NeighbourEntry } from '../../../electron/engine/discovery/neighbour-parsers';
import { forgetEntries, mayEditNeighbourTable, readUnconfirmedEntries, settleUnconfirmed } from '../../../electron/engine/discovery/unconfirmed-neighbours';

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
const done = Promise.resolve();

/** A table that answers each read with the next round, repeating the last one. */
function rounds(...tables: NeighbourEntry[][]) {
  let round = 0;
  return async () => tables[Math.min(round++, tables.length - 1)]!;
}

describe('entries older than the scan', () => {
  it('are unconfirmed when STALE, DELAY or PROBE, inside the plan only; REACHABLE and FAILED are not', async () => {
    const old = await readUnconfirmedEntries((ip: string) => ip.startsWith('10.0.0.'), linux(IP_NEIGH));
    expect(old.map((e) => e.ip).sort()).toEqual(['10.0.0.45', '10.0.0.46', '10.0.0.47']);
    expect(old[0]?.interface).toBe('eth0');
  });

  it('are trusted where the table has no freshness (Windows, macOS) or cannot be read', async () => {
    expect(await readUnconfirmedEntries(() => true, { platform: 'win32', run: async () => IP_NEIGH })).toEqual([]);
    expect(await readUnconfirmedEntries(() => true, { platform: 'linux', run: async () => Promise.reject(new Error('no ip')) })).toEqual([]);
  });

  it('wait for the kernel: confirmed ones count, undecided ones stay out, failed ones are handed back to be primed again', async () => {
    const unconfirmed = new Set(['10.0.0.45', '10.0.0.46', '10.0.0.47']);
    const read = rounds(
      [entry('10.0.0.45', 'delay'), entry('10.0.0.46', 'delay'), entry('10.0.0.47', 'delay')],
      [entry('10.0.0.45', 'probe'), entry('10.0.0.46', 'reachable'), entry('10.0.0.47', 'delay')],
      [entry('10.0.0.46', 'stale'), entry('10.0.0.47', 'delay')], // .45 failed: no longer listed
    );
    const gone = await settleUnconfirmed(unconfirmed, { primed: done, timeoutMs: 200, intervalMs: 5, read });
    expect(gone).toEqual(['10.0.0.45']);
    // .46 was seen confirmed once: it counts even though it aged again. .45 may have a new owner: not excluded.
    expect([...unconfirmed]).toEqual(['10.0.0.47']);
  });

  it('count a confirmation seen while priming is still running, and never give up before priming ends', async () => {
    const unconfirmed = new Set(['10.0.0.45', '10.0.0.47']);
    let endPriming = () => {};
    const primed = new Promise<void>((resolve) => (endPriming = resolve));
    const read = rounds([entry('10.0.0.45', 'reachable'), entry('10.0.0.47', 'stale')], [entry('10.0.0.47', 'stale')]);
    const settling = settleUnconfirmed(unconfirmed, { primed, timeoutMs: 20, intervalMs: 5, read });
    await new Promise((r) => setTimeout(r, 100)); // far past timeoutMs: still waiting, priming has not ended
    expect(unconfirmed.has('10.0.0.45')).toBe(false);
    expect(unconfirmed.has('10.0.0.47')).toBe(true);
    endPriming();
    await settling;
    expect([...unconfirmed]).toEqual(['10.0.0.47']);
  });

  it('stop waiting for one that an answer confirmed meanwhile (it left the set)', async () => {
    const unconfirmed = new Set(['10.0.0.45', '10.0.0.47']);
    const settling = settleUnconfirmed(unconfirmed, { primed: done, timeoutMs: 5_000, intervalMs: 5, read: async () => [entry('10.0.0.45', 'delay'), entry('10.0.0.47', 'delay')] });
    await new Promise((r) => setTimeout(r, 20));
    unconfirmed.delete('10.0.0.45');
    unconfirmed.delete('10.0.0.47');
    const started = performance.now();
    expect(await settling).toEqual([]); // neither is "gone": both were proven
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('are forgotten, for the kernel to ask afresh, only where this process may edit the table', async () => {
    const status = (capEff: string) => async (path: string) => (path === '/proc/self/status' ? `Name:\tnode\nCapEff:\t${capEff}\n` : Promise.reject(new Error('ENOENT')));
    expect(await mayEditNeighbourTable({ platform: 'linux', readText: status('000001ffffffffff') })).toBe(true);
    expect(await mayEditNeighbourTable({ platform: 'linux', readText: status('0000000000001000') })).toBe(true); // CAP_NET_ADMIN alone
    expect(await mayEditNeighbourTable({ platform: 'linux', readText: status('0000000000002000') })).toBe(false); // CAP_NET_RAW alone
    expect(await mayEditNeighbourTable({ platform: 'linux', readText: status('0000000000000000') })).toBe(false);
    expect(await mayEditNeighbourTable({ platform: 'darwin', readText: status('000001ffffffffff') })).toBe(false);

    const old = [entry('10.0.0.45', 'stale'), entry('10.0.0.46', 'delay'), { ...entry('10.0.0.47', 'stale'), interface: 'eth0; reboot' }];
    const batches: string[] = [];
    let table = [entry('10.0.0.45', 'stale'), entry('10.0.0.46', 'delay'), entry('10.0.0.47', 'stale')];
    const run = async (file: string, args: string[], options?: { input?: string }) => {
      if (args.includes('-batch')) {
        batches.push(`${file} ${args.join(' ')}\n${options?.input ?? ''}`);
        table = table.filter((e) => e.ip === '10.0.0.46' || e.ip === '10.0.0.47'); // .46 could not be deleted
        return '';
      }
      return table.map((e) => `${e.ip} dev eth0 lladdr ${e.mac} ${e.state.toUpperCase()}`).join('\n');
    };
    const forgotten = await forgetEntries(old, { platform: 'linux', readText: status('000001ffffffffff'), run });
    expect([...forgotten]).toEqual(['10.0.0.45']);
    // One process for all; an interface name that is not one is never passed on.
    expect(batches).toEqual(['ip -force -batch -\nneigh del 10.0.0.45 dev eth0\nneigh del 10.0.0.46 dev eth0\n']);

    batches.length = 0;
    expect([...(await forgetEntries(old, { platform: 'linux', readText: status('0000000000000000'), run }))]).toEqual([]);
    expect(batches).toEqual([]);
  });

  it('stop waiting as soon as every entry is decided', async () => {
    const started = performance.now();
    await settleUnconfirmed(new Set(['10.0.0.45']), { primed: done, timeoutMs: 5_000, intervalMs: 5, read: async () => [] });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
