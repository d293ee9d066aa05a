/**
 * Entries the neighbour table already held when a scan starts prove nothing by
 * themselves. Linux keeps a departed host's entry (state STALE) until the
 * table grows past gc_thresh1 (128 entries), so on a small office network a
 * machine that left an hour ago would be read back as alive: a phantom host.
 *
 * On Linux, `ip neigh` says how fresh an entry is. One that is STALE, DELAY or
 * PROBE at the start counts only once the kernel confirms it again: our primer
 * datagram makes the kernel re-ask that host by unicast ARP after
 * `delay_first_probe_time`. An entry that fails is dropped, and its address
 * primed once more in case someone new holds it. Entries confirmed in the last
 * half minute (REACHABLE) count at once, as before. The scan need not wait
 * those seconds for a host that answers a probe sent to its old entry (ICMP,
 * SNMP): that answer confirms it at once (discovery.ts, NeighbourDiscovery.confirm).
 * And a process allowed to edit the table (root) forgets the old entries
 * instead, so that each is asked afresh like any other address.
 * Windows' and macOS's tables carry no such state: there every entry counts.
 */
import { readFile } from 'node:fs/promises';
import { sleep } from '../util/pacing';
import { parseIpNeigh, type NeighbourEntry } from './neighbour-parsers';
import { INTERFACE_NAME } from './neighbour-timers';
import { runCommand, type CommandRunner } from './run-command';

const UNCONFIRMED_STATES = new Set(['stale', 'delay', 'probe']);
const CONFIRMED_STATES = new Set(['reachable', 'permanent', 'noarp']);

export interface UnconfirmedIo {
  platform?: NodeJS.Platform;
  run?: CommandRunner;
  readText?: (path: string) => Promise<string>;
}

/** Linux `ip -4 neigh show`; an empty table where it cannot be read (the scan then trusts every entry, as elsewhere). */
export async function readIpNeigh(io: UnconfirmedIo = {}): Promise<NeighbourEntry[]> {
  if ((io.platform ?? process.platform) !== 'linux') return [];
  try {
    return parseIpNeigh(await (io.run ?? runCommand)('ip', ['-4', 'neigh', 'show']));
  } catch {
    return [];
  }
}

/** Entries not fresh enough to prove their host is there now. */
export async function readUnconfirmedEntries(include: (ip: string) => boolean, io: UnconfirmedIo = {}): Promise<NeighbourEntry[]> {
  return (await readIpNeigh(io)).filter((e) => UNCONFIRMED_STATES.has(e.state) && include(e.ip));
}

/** CAP_NET_ADMIN's bit in /proc's capability masks (linux/capability.h). */
const CAP_NET_ADMIN = 12n;

/** Whether this process may change the neighbour table (root, or granted CAP_NET_ADMIN). */
export async function mayEditNeighbourTable(io: UnconfirmedIo = {}): Promise<boolean> {
  if ((io.platform ?? process.platform) !== 'linux') return false;
  const status = await (io.readText ?? ((path: string) => readFile(path, 'utf8')))('/proc/self/status').catch(() => '');
  const effective = /^CapEff:\s*([0-9a-f]+)$/im.exec(status)?.[1];
  return effective !== undefined && ((BigInt(`0x${effective}`) >> CAP_NET_ADMIN) & 1n) === 1n;
}

/**
 * Where the process may (root, as `sudo forewarn scan` runs), the quickest
 * proof is a fresh one: forget the old entries, and the primer makes the
 * kernel ask by broadcast, as for an address it never knew. A host that is
 * there answers ARP within milliseconds, whatever its firewall does to
 * everything else; a departed one never does. Forgetting costs that one ARP
 * exchange, as after a reboot. Only the given entries go (STALE, DELAY or
 * PROBE ones: never a static one). Resolves with the addresses forgotten.
 */
export async function forgetEntries(entries: readonly NeighbourEntry[], io: UnconfirmedIo = {}): Promise<Set<string>> {
  const deletable = entries.filter((e) => e.interface !== null && INTERFACE_NAME.test(e.interface));
  if (deletable.length === 0 || !(await mayEditNeighbourTable(io))) return new Set();
  const script = deletable.map((e) => `neigh del ${e.ip} dev ${e.interface}`).join('\n');
  // -force: one entry that went meanwhile must not stop the rest; the table is read back either way.
  await (io.run ?? runCommand)('ip', ['-force', '-batch', '-'], { input: `${script}\n` }).catch(() => undefined);
  const left = new Set((await readIpNeigh(io)).map((e) => e.ip));
  return new Set(deletable.filter((e) => !left.has(e.ip)).map((e) => e.ip));
}

export interface SettleOptions {
  signal?: AbortSignal;
  /** Resolves when every address has been primed: the kernel's verdicts come after that. */
  primed: Promise<unknown>;
  /** After priming, give up on entries still unconfirmed after this long (they stay excluded). */
  timeoutMs: number;
  intervalMs?: number;
  read?: () => Promise<NeighbourEntry[]>;
}

/**
 * Watches the unconfirmed addresses, from the start of priming, until each is
 * confirmed (removed from `unconfirmed`, so the normal harvest reports it),
 * gone, or the time is up. An address someone else removes from `unconfirmed`
 * meanwhile is no longer waited for. A confirmation counts whenever it is seen: on a big
 * range an entry primed early may age again before priming ends. Resolves
 * with the addresses whose entry failed: the address may have a new owner,
 * which only a fresh resolution (another primer) can find.
 */
export async function settleUnconfirmed(unconfirmed: Set<string>, options: SettleOptions): Promise<string[]> {
  const read = options.read ?? (() => readIpNeigh());
  let deadline = Number.POSITIVE_INFINITY;
  void options.primed.then(() => (deadline = performance.now() + options.timeoutMs), () => (deadline = 0));
  const waiting = new Set(unconfirmed);
  const gone: string[] = [];
  while (waiting.size > 0 && performance.now() < deadline && !options.signal?.aborted) {
    const entries = new Map((await read()).map((e) => [e.ip, e]));
    for (const ip of [...waiting]) {
      if (!unconfirmed.has(ip)) {
        waiting.delete(ip); // confirmed meanwhile by an answer to a probe (NeighbourDiscovery.confirm)
        continue;
      }
      const entry = entries.get(ip);
      if (entry && !CONFIRMED_STATES.has(entry.state)) continue;
      waiting.delete(ip);
      unconfirmed.delete(ip); // confirmed: count it; gone: a fresh entry, if one appears, counts
      if (!entry) gone.push(ip);
    }
    if (waiting.size > 0) await sleep(options.intervalMs ?? 250, options.signal).catch(() => undefined);
  }
  return gone;
}
