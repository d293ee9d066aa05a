/**
 * ARP/neighbour harvest: finds every host on the local segment, including
 * those that drop ICMP, because no IPv4 host can ignore ARP.
 *
 * 1. `primeNeighbours` makes the kernel ARP for each on-link address by
 *    sending one tiny UDP datagram to the discard port (9). Nothing needs to
 *    answer on UDP: the ARP exchange is the point.
 * 2. `watchNeighbours` polls the neighbour table and reports each new
 *    ip→mac pair at once.
 * 3. `createNeighbourGate` keeps the number of unresolved (INCOMPLETE)
 *    entries under the kernel's limit so a big subnet never overflows the
 *    neighbour table. Every prober that sends to on-link addresses (ping,
 *    SNMP, TCP) should pass its first packet to a new address through the same gate.
 */
import dgram from 'node:dgram';
import { readFile } from 'node:fs/promises';
import type { RateLimiter } from '../util/pacing';
import { sleep } from '../util/pacing';
import { parseIpv4, rangesContain, type Ipv4Range } from '../targets/ipv4';
import { detectLocalSubnetDetails } from '../targets/local-subnets';
import { containsAddress, type TargetPlan } from '../targets/parse-targets';
import {
  parseBsdArp,
  parseIpNeigh,
  parseProcNetArp,
  parseWindowsArp,
  type NeighbourEntry,
} from './neighbour-parsers';
import { runCommand, type CommandRunner } from './run-command';
import { reconfirmationMs, retransmitMs } from './neighbour-timers';
import { forgetEntries, readIpNeigh, readUnconfirmedEntries, settleUnconfirmed } from './unconfirmed-neighbours';
import { forEachConcurrently } from '../util/concurrently';

export type { NeighbourEntry } from './neighbour-parsers';

export interface NeighbourIo {
  platform?: NodeJS.Platform;
  readText?: (path: string) => Promise<string>;
  run?: CommandRunner;
}

const readText = (path: string) => readFile(path, 'utf8');

/** The current platform's neighbour table: resolved unicast IPv4 entries only. */
export async function readNeighbourTable(io: NeighbourIo = {}): Promise<NeighbourEntry[]> {
  const platform = io.platform ?? process.platform;
  const run = io.run ?? runCommand;
  if (platform === 'win32') return parseWindowsArp(await run('arp', ['-a']));
  if (platform === 'darwin' || platform === 'freebsd') return parseBsdArp(await run('arp', ['-an']));
  try {
    // /proc/net is per network namespace and costs no process spawn: cheap enough to poll every 150 ms.
    return parseProcNetArp(await (io.readText ?? readText)('/proc/net/arp'));
  } catch {
    return parseIpNeigh(await run('ip', ['-4', 'neigh', 'show']));
  }
}

export interface NeighbourLimits {
  /** Entries the kernel will hold before refusing new ones ("neighbour table overflow"). */
  hardLimit: number;
}

/** Linux defaults; inside a network namespace the sysctls are not visible but the (global) table still has them. */
const LINUX_DEFAULT_GC_THRESH3 = 1024;
/** Windows and macOS document no small limit; stay modest anyway. */
const OTHER_OS_HARD_LIMIT = 1024;

export async function readNeighbourLimits(io: NeighbourIo = {}): Promise<NeighbourLimits> {
  const platform = io.platform ?? process.platform;
  if (platform !== 'linux') return { hardLimit: OTHER_OS_HARD_LIMIT };
  try {
    const text = await (io.readText ?? readText)('/proc/sys/net/ipv4/neigh/default/gc_thresh3');
    const value = Number(text.trim());
    return { hardLimit: Number.isInteger(value) && value > 0 ? value : LINUX_DEFAULT_GC_THRESH3 };
  } catch {
    return { hardLimit: LINUX_DEFAULT_GC_THRESH3 };
  }
}

export interface NeighbourGate {
  /** Resolves when a first packet to `ip` may be sent without risking a table overflow. */
  admit(ip: string, signal?: AbortSignal): Promise<void>;
  /** Addresses admitted within the resolution window (unresolved entries the kernel may hold). */
  readonly inFlight: number;
}

export interface NeighbourGateOptions {
  /** Directly connected ranges; other addresses pass freely (their packets go to the gateway's entry). */
  onLink: readonly Ipv4Range[];
  limits: NeighbourLimits;
  /** Entries already in the table that the kernel may not evict (resolved hosts). */
  residentEntries?: () => number | Promise<number>;
  /** Most first packets in one burst; the next burst waits `batchPauseMs`. */
  maxBatch?: number;
  batchPauseMs?: number;
  /**
   * How long an entry stays INCOMPLETE before it resolves or FAILs (Linux:
   * mcast_solicit 3 × retrans_time 1 s), plus margin. FAILED entries are the
   * first the kernel evicts (neigh_forced_gc), so only this window's entries count.
   */
  windowMs?: number;
}

export const DEFAULT_NEIGHBOUR_BATCH = 256;
export const DEFAULT_BATCH_PAUSE_MS = 250;
export const DEFAULT_RESOLUTION_WINDOW_MS = 3500;
/** Keep unresolved entries under this share of the kernel's hard limit; the rest is the OS's own. */
const TABLE_SHARE = 0.5;
const MIN_CAPACITY = 16;

/**
 * Admission control for new neighbour entries: at most `share × hard limit −
 * resident` unresolved entries at once, released in bursts of ≤ `maxBatch`.
 */
export function createNeighbourGate(options: NeighbourGateOptions): NeighbourGate {
  const windowMs = options.windowMs ?? DEFAULT_RESOLUTION_WINDOW_MS;
  const maxBatch = options.maxBatch ?? DEFAULT_NEIGHBOUR_BATCH;
  const batchPauseMs = options.batchPauseMs ?? DEFAULT_BATCH_PAUSE_MS;
  const admittedAt = new Map<number, number>(); // ip → time; insertion order is time order
  let queue: Promise<void> = Promise.resolve();
  let batch = { startedAt: -Infinity, size: 0 };

  const prune = (now: number) => {
    for (const [ip, t] of admittedAt) {
      if (now - t < windowMs) break;
      admittedAt.delete(ip);
    }
  };
  const capacity = async () => {
    const resident = (await options.residentEntries?.()) ?? 0;
    return Math.max(MIN_CAPACITY, Math.floor(options.limits.hardLimit * TABLE_SHARE) - resident);
  };

  const waitForRoom = async (value: number, signal?: AbortSignal) => {
    for (;;) {
      const now = performance.now();
      prune(now);
      if (admittedAt.has(value)) return;
      if (batch.size >= maxBatch) {
        const pause = batch.startedAt + batchPauseMs - now;
        if (pause > 0) {
          await sleep(pause, signal);
          continue;
        }
        batch = { startedAt: now, size: 0 };
      }
      if (admittedAt.size < (await capacity())) {
        if (batch.size === 0) batch.startedAt = now;
        batch.size += 1;
        admittedAt.set(value, now);
        return;
      }
      const oldest = admittedAt.values().next().value ?? now;
      await sleep(Math.max(5, windowMs - (now - oldest)), signal);
    }
  };

  return {
    get inFlight() {
      prune(performance.now());
      return admittedAt.size;
    },
    admit(ip, signal) {
      const value = parseIpv4(ip);
      if (value === null || !rangesContain(options.onLink, value)) return Promise.resolve();
      const recent = admittedAt.get(value);
      if (recent !== undefined && performance.now() - recent < windowMs) return Promise.resolve();
      // Serialised so admissions stay FIFO and capacity checks never race.
      const turn = queue.then(() => waitForRoom(value, signal));
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}

/**
 * Resolved entries in this namespace's table: they hold slots the kernel may
 * not free for us. FAILED rows are not counted: the kernel evicts them first
 * (neigh_forced_gc), and /proc/net/arp cannot tell them from INCOMPLETE ones,
 * which the gate counts itself.
 */
export function residentEntriesReader(io: NeighbourIo = {}): () => Promise<number> {
  let cached = { at: -Infinity, value: 0 };
  return async () => {
    if (performance.now() - cached.at < 200) return cached.value;
    const value = await (io.readText ?? readText)('/proc/net/arp').then(
      (text) => parseProcNetArp(text).length,
      () => 0,
    );
    cached = { at: performance.now(), value };
    return value;
  };
}

/** Directly connected ranges of this machine (merged per subnet). */
export function onLinkRanges(): Ipv4Range[] {
  return detectLocalSubnetDetails().map((s) => s.range);
}

/**
 * The gate for this machine: its on-link ranges and its kernel's limits.
 * Create one per scan and hand it to every prober (ping, TCP, SNMP, priming).
 */
export async function createLocalNeighbourGate(io: NeighbourIo = {}, onLink: readonly Ipv4Range[] = onLinkRanges()): Promise<{ gate: NeighbourGate; onLink: readonly Ipv4Range[] }> {
  const gate = createNeighbourGate({ onLink, limits: await readNeighbourLimits(io), residentEntries: residentEntriesReader(io) });
  return { gate, onLink };
}

export interface PrimeOptions {
  signal?: AbortSignal;
  rateLimiter?: RateLimiter;
  gate: NeighbourGate;
  onLink: readonly Ipv4Range[];
  /** Destination UDP port: 9 (discard) by default. */
  port?: number;
  /** Sends one datagram; injectable for tests. Defaults to a shared UDP socket. */
  send?: (ip: string, port: number) => Promise<void>;
}

const PRIME_PAYLOAD = Buffer.from([0]);

/**
 * Primers a socket sends before the next socket takes over. Each primer waits
 * in the kernel's queue for its address until ARP resolves or fails (3 s),
 * charged all that while to its socket's send buffer: about 256 fit in the
 * default 208 KB. One socket would then block, and a large on-link range with
 * few hosts would prime 256 addresses every 3 s instead of at the packet cap.
 */
const PRIMERS_PER_SOCKET = 128;

/**
 * Sends one 1-byte UDP datagram to each on-link address so the kernel ARPs
 * for it. Off-link addresses are skipped (they would only hit the gateway).
 * Resolves when done or soon after an abort.
 */
export async function primeNeighbours(
  addresses: Iterable<string>,
  options: PrimeOptions,
): Promise<{ sent: number; skipped: number; aborted: boolean }> {
  const { signal, rateLimiter, gate, onLink } = options;
  const port = options.port ?? 9;
  const sockets: dgram.Socket[] = [];
  const send =
    options.send ??
    ((ip: string, p: number) =>
      new Promise<void>((resolve) => {
        if (sent % PRIMERS_PER_SOCKET === 0) {
          const socket = dgram.createSocket('udp4');
          socket.on('error', () => undefined); // ICMP port-unreachable and friends are expected
          sockets.push(socket);
        }
        sockets.at(-1)!.send(PRIME_PAYLOAD, p, ip, () => resolve());
      }));
  let sent = 0;
  let skipped = 0;
  try {
    const { aborted } = await forEachConcurrently(addresses, 1, signal, async (ip) => {
      const value = parseIpv4(ip);
      if (value === null || !rangesContain(onLink, value)) {
        skipped += 1;
        return;
      }
      await gate.admit(ip, signal);
      await rateLimiter?.take(signal);
      await send(ip, port);
      sent += 1;
    });
    return { sent, skipped, aborted };
  } finally {
    for (const socket of sockets) socket.close();
  }
}

export interface WatchOptions {
  signal?: AbortSignal;
  /** Poll period; /proc is cheap on Linux, other OSes spawn `arp` so poll slower. */
  intervalMs?: number;
  /** Only report addresses that pass (e.g. inside the target plan). */
  filter?: (ip: string) => boolean;
  read?: () => Promise<NeighbourEntry[]>;
}

export interface NeighbourPoller {
  /** Stop polling and resolve after one final read. */
  stop(): Promise<void>;
  /** Every pair reported so far, by ip. */
  readonly seen: ReadonlyMap<string, NeighbourEntry>;
  /** Report an entry known by other means now, as if a read had found it (same filter, reported once). */
  report(entry: NeighbourEntry): void;
}

/**
 * Polls the neighbour table and calls `onNeighbour` for each new ip→mac pair
 * (a changed MAC for a known ip is reported again). Stops on abort or stop().
 */
export function watchNeighbours(onNeighbour: (entry: NeighbourEntry) => void, options: WatchOptions = {}): NeighbourPoller {
  const { signal, filter } = options;
  const intervalMs = options.intervalMs ?? (process.platform === 'linux' ? 150 : 500);
  const read = options.read ?? (() => readNeighbourTable());
  const seen = new Map<string, NeighbourEntry>();
  let stopped = false;
  let wake: (() => void) | null = null;

  const consider = (e: NeighbourEntry) => {
    if (filter && !filter(e.ip)) return;
    if (seen.get(e.ip)?.mac === e.mac) return;
    seen.set(e.ip, e);
    onNeighbour(e);
  };
  const harvest = async () => {
    let entries: NeighbourEntry[];
    try {
      entries = await read();
    } catch {
      return; // a failed read is retried on the next tick
    }
    for (const e of entries) consider(e);
  };

  const loop = (async () => {
    while (!stopped && !signal?.aborted) {
      await harvest();
      // stop() may have come during the read, when there was no sleep to wake: it must not wait a whole interval.
      if (stopped || signal?.aborted) break;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, intervalMs);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      wake = null;
    }
  })();
  const onAbort = () => (wake as (() => void) | null)?.();
  signal?.addEventListener('abort', onAbort, { once: true });

  return {
    seen,
    report: consider,
    async stop() {
      stopped = true;
      (wake as (() => void) | null)?.();
      await loop;
      signal?.removeEventListener('abort', onAbort);
      if (!signal?.aborted) await harvest();
    },
  };
}

export interface NeighbourDiscoveryOptions {
  signal: AbortSignal;
  rateLimiter: RateLimiter;
  /** The gate every prober of the scan shares (createLocalNeighbourGate). */
  gate: NeighbourGate;
  /** Directly connected ranges; detected from the interfaces if omitted. */
  onLink?: readonly Ipv4Range[];
  /** Their interfaces' names, for the OS's timers on them (default: the system's defaults). */
  interfaces?: readonly string[];
  io?: NeighbourIo;
}

export interface NeighbourDiscovery extends NeighbourPoller {
  /** Resolves when every address was primed and the entries older than the scan are settled. */
  primed: Promise<{ sent: number; skipped: number; aborted: boolean }>;
  /**
   * Plan addresses whose table entry predates the scan and is not yet confirmed
   * (read once, at the start). Each counts once the kernel confirms it, or once
   * `confirm` says the address answered something.
   */
  unconfirmed: Promise<readonly string[]>;
  /** How long after its first request the OS asks an unanswered address again (Linux: retrans_time_ms). */
  retransmitMs: Promise<number>;
  /**
   * The address answered a probe just now (ICMP, SNMP, TCP): its old entry's MAC
   * holds it, since that is where the probe went. Reports the entry at once
   * instead of waiting seconds for the kernel's own re-check.
   */
  confirm(ip: string): void;
}

/**
 * Primes and watches the neighbour table for a plan's on-link addresses;
 * `onNeighbour` fires for each plan address the moment its MAC appears, or,
 * for an entry older than the scan, once the kernel or an answer confirms it
 * again. stop() ends polling after a final read.
 */
export function startNeighbourDiscovery(
  plan: Pick<TargetPlan, 'ranges' | 'addresses'>,
  options: NeighbourDiscoveryOptions,
  onNeighbour: (entry: NeighbourEntry) => void,
): NeighbourDiscovery {
  const onLink = options.onLink ?? onLinkRanges();
  const inPlan = (ip: string) => containsAddress(plan, ip);
  // Entries older than the scan count only once confirmed again (unconfirmed-neighbours.ts);
  // until the table has been read, nothing counts.
  let unconfirmed: Set<string> | null = null;
  const watch = watchNeighbours(onNeighbour, {
    signal: options.signal,
    filter: (ip) => unconfirmed !== null && !unconfirmed.has(ip) && inPlan(ip),
    read: () => readNeighbourTable(options.io),
  });
  let old = new Map<string, NeighbourEntry>();
  const oldRead = readUnconfirmedEntries(inPlan, options.io).then(async (entries) => {
    const forgotten = await forgetEntries(entries, options.io);
    old = new Map(entries.filter((e) => !forgotten.has(e.ip)).map((e) => [e.ip, e]));
    unconfirmed = new Set(old.keys());
    return unconfirmed;
  });
  const primed = oldRead.then(async (waiting) => {
    const prime = (addresses: Iterable<string>) => primeNeighbours(addresses, { signal: options.signal, rateLimiter: options.rateLimiter, gate: options.gate, onLink });
    const priming = prime(plan.addresses());
    if (waiting.size === 0) return priming;
    const gone = await settleUnconfirmed(waiting, {
      signal: options.signal,
      primed: priming,
      timeoutMs: await reconfirmationMs(old.values().next().value?.interface ?? null, options.io),
      read: () => readIpNeigh(options.io),
    });
    const result = await priming;
    // A failed entry's address may have changed hands: one more primer resolves it afresh (the ARP window follows).
    if (gone.length > 0 && !result.aborted) await prime(gone);
    return result;
  });
  return {
    ...watch,
    primed,
    retransmitMs: retransmitMs(options.interfaces ?? [], options.io),
    unconfirmed: oldRead.then(() => [...old.keys()]),
    confirm(ip) {
      const entry = old.get(ip);
      if (entry && unconfirmed?.delete(ip)) watch.report(entry);
    },
  };
}
