/**
 * The default scan target: the IPv4 subnets the technician's laptop sits on,
 * and its default gateway (the topology's starting point).
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { runCommand, type CommandRunner } from '../discovery/run-command';
import { cidrRange, intToIp, parseIpv4, prefixMask } from './ipv4';

export interface LocalSubnet {
  /** Network address form, e.g. "192.168.1.0/24". */
  cidr: string;
  interface: string;
  /** This machine's own address on it. */
  address: string;
  prefixLength: number;
  /** Inclusive uint32 range of the whole block. */
  range: readonly [number, number];
}

type InterfaceTable = NodeJS.Dict<os.NetworkInterfaceInfo[]>;

function prefixLengthOf(info: os.NetworkInterfaceInfo): number | null {
  const fromCidr = info.cidr ? Number(info.cidr.split('/')[1]) : NaN;
  if (Number.isInteger(fromCidr)) return fromCidr;
  const mask = parseIpv4(info.netmask);
  if (mask === null) return null;
  let bits = 0;
  for (let b = 31; b >= 0 && (mask >>> b) & 1; b--) bits++;
  return prefixMask(bits) === mask ? bits : null;
}

function isIpv4Family(family: string | number): boolean {
  // Node 18.0–18.3 reported the family as a number.
  return family === 'IPv4' || family === 4;
}

/**
 * Directly connected IPv4 subnets, with details. Skips loopback/internal and
 * link-local interfaces, and /32 host routes (VPN tunnels: no neighbours).
 */
export function detectLocalSubnetDetails(interfaces: InterfaceTable = os.networkInterfaces()): LocalSubnet[] {
  const found = new Map<string, LocalSubnet>();
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.internal || !isIpv4Family(info.family)) continue;
      const address = parseIpv4(info.address);
      const prefixLength = prefixLengthOf(info);
      if (address === null || prefixLength === null || prefixLength >= 32) continue;
      if (address >>> 16 === 0xa9fe || address >>> 24 === 127) continue; // 169.254/16 link-local, 127/8
      const range = cidrRange(address, prefixLength);
      const cidr = `${intToIp(range[0])}/${prefixLength}`;
      if (!found.has(cidr)) found.set(cidr, { cidr, interface: name, address: info.address, prefixLength, range });
    }
  }
  return [...found.values()];
}

/** Directly connected IPv4 subnets as CIDR strings in network-address form. */
export function detectLocalSubnets(interfaces: InterfaceTable = os.networkInterfaces()): string[] {
  return detectLocalSubnetDetails(interfaces).map((s) => s.cidr);
}

export interface DefaultGateway {
  ip: string;
  /** Interface name (Linux, macOS) or the local address of the interface (Windows). */
  interface: string | null;
}

const RTF_UP = 0x1;
const RTF_GATEWAY = 0x2;

/** /proc/net/route stores addresses as little-endian hex. */
function procHexToIp(hex: string): string | null {
  if (!/^[0-9a-f]{8}$/i.test(hex)) return null;
  const le = parseInt(hex, 16);
  const be = (((le & 0xff) << 24) | ((le & 0xff00) << 8) | ((le >>> 8) & 0xff00) | (le >>> 24)) >>> 0;
  return intToIp(be);
}

/** Parses Linux /proc/net/route; the default route with the lowest metric wins. */
export function parseLinuxRouteTable(text: string): DefaultGateway | null {
  let best: { gw: DefaultGateway; metric: number } | null = null;
  for (const line of text.split('\n').slice(1)) {
    const [iface, destination, gateway, flags, , , metric, mask] = line.trim().split(/\s+/);
    if (!iface || destination !== '00000000' || mask !== '00000000' || !gateway) continue;
    const f = parseInt(flags ?? '0', 16);
    if ((f & RTF_UP) === 0 || (f & RTF_GATEWAY) === 0) continue;
    const ip = procHexToIp(gateway);
    const m = Number(metric ?? 0);
    if (ip && (!best || m < best.metric)) best = { gw: { ip, interface: iface }, metric: m };
  }
  return best?.gw ?? null;
}

/**
 * Parses `route print -4` in any display language: an active default route is
 * the 5-column row "0.0.0.0 0.0.0.0 <gateway> <interface address> <metric>".
 * The persistent-routes section has 4 columns and is skipped.
 */
export function parseWindowsRoutePrint(text: string): DefaultGateway | null {
  let best: { gw: DefaultGateway; metric: number } | null = null;
  for (const line of text.split(/\r?\n/)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length !== 5 || cols[0] !== '0.0.0.0' || cols[1] !== '0.0.0.0') continue;
    const [, , gateway, iface, metric] = cols as [string, string, string, string, string];
    if (parseIpv4(gateway) === null || !/^\d+$/.test(metric)) continue;
    const m = Number(metric);
    if (!best || m < best.metric) best = { gw: { ip: gateway, interface: iface }, metric: m };
  }
  return best?.gw ?? null;
}

/** Parses macOS/BSD `netstat -rn -f inet`: the first "default" row with an IPv4 gateway. */
export function parseNetstatRoutes(text: string): DefaultGateway | null {
  for (const line of text.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if ((cols[0] === 'default' || cols[0] === '0.0.0.0') && cols[1] && parseIpv4(cols[1]) !== null) {
      // Columns: Destination Gateway Flags [Refs Use] Netif [Expire]; the interface follows the flags.
      const iface = cols.slice(3).find((c) => /^[a-z]+\d+$/i.test(c)) ?? null;
      return { ip: cols[1], interface: iface };
    }
  }
  return null;
}

/** The machine's IPv4 default gateway, or null when there is none or it cannot be read. */
export async function defaultGatewayOf(
  platform: NodeJS.Platform = process.platform,
  io: { readText?: (path: string) => Promise<string>; run?: CommandRunner } = {},
): Promise<DefaultGateway | null> {
  const readText = io.readText ?? ((path: string) => readFile(path, 'utf8'));
  const run = io.run ?? runCommand;
  try {
    if (platform === 'win32') return parseWindowsRoutePrint(await run('route', ['print', '-4']));
    if (platform === 'darwin' || platform === 'freebsd') return parseNetstatRoutes(await run('netstat', ['-rn', '-f', 'inet']));
    return parseLinuxRouteTable(await readText('/proc/net/route'));
  } catch {
    return null;
  }
}
