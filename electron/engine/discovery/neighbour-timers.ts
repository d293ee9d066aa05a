/**
 * The OS's neighbour (ARP) timers a sweep has to respect. Read on Linux from
 * /proc/sys/net/ipv4/neigh/<interface>/ (a network namespace has no "default"
 * folder), else the system default, else the kernel's built-in values. Windows
 * and macOS re-ask an unanswered address after a second too.
 */
import { readFile } from 'node:fs/promises';

export interface NeighbourTimersIo {
  platform?: NodeJS.Platform;
  readText?: (path: string) => Promise<string>;
}

export interface NeighbourTimers {
  /** Between two requests for an address that has not answered (retrans_time_ms). */
  retransMs: number;
  /** Before a stale entry in use is re-checked (delay_first_probe_time). */
  delayFirstProbeMs: number;
  /** Unicast requests of that re-check (ucast_solicit). */
  unicastProbes: number;
}

const BUILT_IN: NeighbourTimers = { retransMs: 1000, delayFirstProbeMs: 5000, unicastProbes: 3 };

export const INTERFACE_NAME = /^[\w.@-]+$/;

export async function readNeighbourTimers(interfaceName: string | null, io: NeighbourTimersIo = {}): Promise<NeighbourTimers> {
  if ((io.platform ?? process.platform) !== 'linux') return BUILT_IN;
  const read = io.readText ?? ((path: string) => readFile(path, 'utf8'));
  const folders = [...(interfaceName && INTERFACE_NAME.test(interfaceName) ? [interfaceName] : []), 'default'];
  const setting = async (name: string, builtIn: number) => {
    for (const folder of folders) {
      const text = (await read(`/proc/sys/net/ipv4/neigh/${folder}/${name}`).catch(() => '')).trim();
      const value = Number(text);
      if (text !== '' && Number.isFinite(value) && value >= 0) return value;
    }
    return builtIn;
  };
  return {
    retransMs: await setting('retrans_time_ms', BUILT_IN.retransMs),
    delayFirstProbeMs: (await setting('delay_first_probe_time', BUILT_IN.delayFirstProbeMs / 1000)) * 1000,
    unicastProbes: await setting('ucast_solicit', BUILT_IN.unicastProbes),
  };
}

/**
 * How long the kernel takes to confirm or fail an old entry after a packet is
 * sent to it: the delay before the first unicast probe, then every probe's
 * timeout, plus a second of slack.
 */
export async function reconfirmationMs(interfaceName: string | null, io: NeighbourTimersIo = {}): Promise<number> {
  const { retransMs, delayFirstProbeMs, unicastProbes } = await readNeighbourTimers(interfaceName, io);
  return delayFirstProbeMs + unicastProbes * retransMs + 1000;
}

/** How long after its first request the OS asks an unanswered address again: the slowest of these interfaces. */
export async function retransmitMs(interfaceNames: readonly string[], io: NeighbourTimersIo = {}): Promise<number> {
  const names = interfaceNames.length > 0 ? interfaceNames : [null];
  return Math.max(...(await Promise.all(names.map(async (name) => (await readNeighbourTimers(name, io)).retransMs))));
}
