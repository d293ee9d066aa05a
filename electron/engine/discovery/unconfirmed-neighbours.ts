/**
 * Entries the neighbour table already held when a scan starts prove nothing by
 * themselves. Linux keeps a departed host's entry (state STALE) until the
 * table grows past gc_thresh1 (128 entries), so on a small office network a
 * machine that left an hour ago would be read back as alive: a phantom host.
 *
 * On Linux, `ip neigh` says how fresh an entry is. One that is STALE, DELAY or
 * PROBE at the start counts only once the kernel confirms it again: our primer
 * datagram makes the kernel re-ask that host by unicast ARP after
 * `delay_first_probe_time`. An entry that fails is dropped. Entries confirmed
 * in the last half minute (REACHABLE) count at once, as before.
 * Windows' and macOS's tables carry no such state: there every entry counts.
 */
import { readFile } from 'node:fs/promises';
import { sleep } from '../util/pacing';
import { parseIpNeigh, type NeighbourEntry } from './neighbour-parsers';
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

/** Addresses whose entry is not fresh enough to prove the host is there now. */
export async function readUnconfirmedAddresses(include: (ip: string) => boolean, io: UnconfirmedIo = {}): Promise<Set<string>> {
  const entries = await readIpNeigh(io);
  return new Set(entries.filter((e) => UNCONFIRMED_STATES.has(e.state) && include(e.ip)).map((e) => e.ip));
}

/**
 * How long the kernel takes to confirm or fail an entry after a packet is sent
 * to it: the delay before the first unicast probe, then every probe's timeout,
 * plus a second of slack. Read from the system's defaults.
 */
export async function reconfirmationMs(io: UnconfirmedIo = {}): Promise<number> {
  const read = io.readText ?? ((path: string) => readFile(path, 'utf8'));
  // A network namespace other than the first has no "default" folder: the kernel's defaults apply there.
  const number = async (name: string, fallback: number) => {
    const text = (await read(`/proc/sys/net/ipv4/neigh/default/${name}`).catch(() => '')).trim();
    const value = Number(text);
    return text !== '' && Number.isFinite(value) && value >= 0 ? value : fallback;
  };
  const delaySeconds = await number('delay_first_probe_time', 5);
  const probes = await number('ucast_solicit', 3);
  const retransMs = await number('retrans_time_ms', 1000);
  return delaySeconds * 1000 + probes * retransMs + 1000;
}

export interface SettleOptions {
  signal?: AbortSignal;
  /** Give up on entries still unconfirmed after this long (they stay excluded). */
  timeoutMs: number;
  intervalMs?: number;
  read?: () => Promise<NeighbourEntry[]>;
}

/**
 * Watches the unconfirmed addresses until each is confirmed (removed from
 * `unconfirmed`, so the normal harvest reports it), gone, or the time is up.
 */
export async function settleUnconfirmed(unconfirmed: Set<string>, options: SettleOptions): Promise<void> {
  const read = options.read ?? (() => readIpNeigh());
  const deadline = performance.now() + options.timeoutMs;
  const waiting = new Set(unconfirmed);
  while (waiting.size > 0 && performance.now() < deadline && !options.signal?.aborted) {
    const entries = new Map((await read()).map((e) => [e.ip, e]));
    for (const ip of [...waiting]) {
      const entry = entries.get(ip);
      if (!entry) waiting.delete(ip); // failed or flushed: the host is gone
      else if (CONFIRMED_STATES.has(entry.state)) {
        waiting.delete(ip);
        unconfirmed.delete(ip);
      }
    }
    if (waiting.size > 0) await sleep(options.intervalMs ?? 250, options.signal).catch(() => undefined);
  }
}
