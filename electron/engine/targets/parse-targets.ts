/**
 * Turns what the technician typed (CIDR blocks, ranges, addresses, hostnames)
 * into a compact plan of merged uint32 ranges. Big or public targets need an
 * explicit confirmation so a typo never sweeps someone else's network.
 */
import { lookup } from 'node:dns/promises';
import {
  cidrRange,
  intToIp,
  mergeRanges,
  parseIpv4,
  rangeHasPublic,
  rangeHasUnscannable,
  rangesContain,
  type Ipv4Range,
} from './ipv4';

import type { ConfirmationFlag, IpcErrorEnvelope } from '../../../shared/ipc-errors';

export { intToIp, ipToInt, isPublicAddress } from './ipv4';
export type { Ipv4Range } from './ipv4';

/** Above this many addresses a scan needs `allowLarge` (a /16 is the largest allowed without it). */
export const LARGE_SCAN_THRESHOLD = 65_536;

/**
 * No confirmation allows more than a /8: 16.7 million addresses would take days
 * at any rate an office network survives, and is never one client's LAN.
 */
export const MAX_SCAN_ADDRESSES = 16_777_216;

/** How the confirmations are named to the user, in CLI and UI terms. */
export const CONFIRM_LARGE_HINT = 'confirm with --allow-large (UI: "Allow scans larger than a /16")';
export const CONFIRM_PUBLIC_HINT = 'confirm with --allow-public (UI: "Allow public addresses")';

export class TargetError extends Error {
  override readonly name = 'TargetError';
  constructor(
    message: string,
    /** The spec at fault, as the user wrote it (null when the whole list is at fault). */
    readonly spec: string | null,
    /** The confirmations that would let these targets through; empty when none would. */
    readonly confirmations: readonly ConfirmationFlag[] = [],
  ) {
    super(message);
  }

  /** The refusal as the renderer acts on it: a code and the flags to confirm. */
  envelope(): IpcErrorEnvelope {
    return this.confirmations.length > 0
      ? { code: 'needs-confirmation', message: this.message, details: { confirmations: [...this.confirmations], spec: this.spec } }
      : { code: 'invalid-targets', message: this.message, details: { spec: this.spec } };
  }
}

export type HostnameResolver = (hostname: string) => Promise<string[]>;

export interface ParseTargetsOptions {
  allowLarge: boolean;
  allowPublic: boolean;
  /** IPv4 addresses of a hostname; defaults to dns.lookup (all A records). */
  resolveHostname?: HostnameResolver;
}

export interface ParsedSpec {
  /** The spec as written (trimmed). */
  spec: string;
  kind: 'cidr' | 'range' | 'address' | 'hostname';
  ranges: Ipv4Range[];
}

export interface TargetPlan {
  /** Merged, sorted, non-overlapping inclusive ranges. */
  readonly ranges: readonly Ipv4Range[];
  /** Number of distinct addresses. */
  readonly total: number;
  /** Normalised specs, for the scan document. */
  readonly specs: string[];
  readonly parsed: readonly ParsedSpec[];
  /** Names the user typed, by resolved address (a scan can show them before reverse DNS). */
  readonly hostnames: Readonly<Record<string, string>>;
  /** Lazily yields every address once, in ascending order. */
  addresses(): Generator<string>;
}

/** Lazily yields every address of a plan, ascending. Never materialises the list. */
export function* addressesOf(plan: Pick<TargetPlan, 'ranges'>): Generator<string> {
  for (const [start, end] of plan.ranges) {
    for (let value = start; value <= end; value++) yield intToIp(value);
  }
}

export function containsAddress(plan: Pick<TargetPlan, 'ranges'>, ip: string | number): boolean {
  const value = typeof ip === 'number' ? ip : parseIpv4(ip);
  return value !== null && rangesContain(plan.ranges, value);
}

const CIDR = /^([\d.]+)\/(\d{1,2})$/;
const FULL_RANGE = /^([\d.]+)\s*-\s*([\d.]+)$/;
const SHORT_RANGE = /^(\d{1,3}\.\d{1,3}\.\d{1,3}\.)(\d{1,3})\s*-\s*(\d{1,3})$/;
const HOSTNAME_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

function malformed(spec: string, why: string): TargetError {
  return new TargetError(`Invalid target "${spec}": ${why}.`, spec);
}

function parseCidr(spec: string, m: RegExpExecArray): Ipv4Range {
  const base = parseIpv4(m[1]!);
  const prefix = Number(m[2]);
  if (base === null) throw malformed(spec, `"${m[1]}" is not an IPv4 address`);
  if (prefix > 32) throw malformed(spec, 'prefix length must be 0–32');
  const [start, end] = cidrRange(base, prefix);
  // Network and broadcast addresses are not hosts, except in /31 (RFC 3021) and /32.
  return prefix >= 31 ? [start, end] : [start + 1, end - 1];
}

function parseRange(spec: string, from: string, to: string): Ipv4Range {
  const start = parseIpv4(from);
  const end = parseIpv4(to);
  if (start === null) throw malformed(spec, `"${from}" is not an IPv4 address`);
  if (end === null) throw malformed(spec, `"${to}" is not an IPv4 address`);
  if (end < start) throw malformed(spec, 'the range ends before it starts');
  return [start, end];
}

function looksLikeHostname(spec: string): boolean {
  if (spec.length > 253 || /^[\d.]+$/.test(spec)) return false;
  return spec.replace(/\.$/, '').split('.').every((label) => HOSTNAME_LABEL.test(label));
}

/** getaddrinfo cannot be cancelled; a stuck resolver must not hang the scan start. */
const HOSTNAME_LOOKUP_TIMEOUT_MS = 5000;

const defaultResolver: HostnameResolver = async (hostname) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HOSTNAME_LOOKUP_TIMEOUT_MS} ms`)), HOSTNAME_LOOKUP_TIMEOUT_MS);
  });
  try {
    const found = await Promise.race([lookup(hostname, { family: 4, all: true }), timeout]);
    return found.map((entry) => entry.address);
  } finally {
    clearTimeout(timer);
  }
};

async function parseSpec(spec: string, resolve: HostnameResolver): Promise<ParsedSpec> {
  const cidr = CIDR.exec(spec);
  if (cidr) return { spec, kind: 'cidr', ranges: [parseCidr(spec, cidr)] };
  const short = SHORT_RANGE.exec(spec);
  if (short) return { spec, kind: 'range', ranges: [parseRange(spec, short[1]! + short[2]!, short[1]! + short[3]!)] };
  const full = FULL_RANGE.exec(spec);
  if (full) return { spec, kind: 'range', ranges: [parseRange(spec, full[1]!, full[2]!)] };
  const single = parseIpv4(spec);
  if (single !== null) return { spec, kind: 'address', ranges: [[single, single]] };
  if (!looksLikeHostname(spec)) {
    throw malformed(spec, 'expected a CIDR block (10.0.0.0/24), a range (10.0.0.10-50), an IPv4 address or a hostname');
  }
  let addresses: string[];
  try {
    addresses = await resolve(spec);
  } catch (err) {
    throw new TargetError(`Cannot resolve hostname "${spec}": ${(err as Error).message ?? String(err)}.`, spec);
  }
  const values = addresses.map(parseIpv4).filter((v): v is number => v !== null);
  if (values.length === 0) throw new TargetError(`Hostname "${spec}" has no IPv4 address.`, spec);
  return { spec, kind: 'hostname', ranges: values.map((v) => [v, v] as const) };
}

/** Splits "10.0.0.1, 10.0.0.5 10.0.1.0/24" style entries into separate specs. */
function splitSpecs(specs: string[]): string[] {
  return specs.flatMap((entry) =>
    entry
      .replace(/\s*-\s*/g, '-')
      .split(/[\s,;]+/)
      .filter((s) => s.length > 0),
  );
}

function rangeSize([start, end]: Ipv4Range): number {
  return end - start + 1;
}

function checkConfirmations(parsed: ParsedSpec[], total: number, options: ParseTargetsOptions): void {
  for (const p of parsed) {
    if (p.ranges.some(([s, e]) => rangeHasUnscannable(s, e))) {
      throw malformed(p.spec, 'it includes multicast, reserved or 0.0.0.0/8 addresses, which are never hosts');
    }
  }
  const specSize = (p: ParsedSpec) => p.ranges.reduce((n, r) => n + rangeSize(r), 0);
  const largest = () => parsed.reduce((a, b) => (specSize(b) > specSize(a) ? b : a));
  if (total > MAX_SCAN_ADDRESSES) {
    const spec = largest().spec;
    throw new TargetError(
      `Targets add up to ${total.toLocaleString('en-US')} addresses, more than a /8, the most one scan may cover (largest: "${spec}"); split the scan into the subnets in use.`,
      spec,
    );
  }
  if (!options.allowPublic) {
    const pub = parsed.find((p) => p.ranges.some(([s, e]) => rangeHasPublic(s, e)));
    if (pub) {
      throw new TargetError(
        `Target "${pub.spec}" includes public (non-private) addresses; ${CONFIRM_PUBLIC_HINT}.`,
        pub.spec,
        ['allowPublic'],
      );
    }
  }
  if (!options.allowLarge && total > LARGE_SCAN_THRESHOLD) {
    const spec = largest().spec;
    throw new TargetError(`Targets add up to ${total.toLocaleString('en-US')} addresses, more than a /16 (largest: "${spec}"); ${CONFIRM_LARGE_HINT}.`, spec, ['allowLarge']);
  }
}

/**
 * Parses target specs into a plan. Throws `TargetError` (naming the spec) for
 * malformed or unresolvable specs, for more than a /8 whatever is confirmed,
 * and for public or >/16 targets without the
 * matching confirmation. Duplicates and overlaps are merged away.
 */
export async function parseTargets(specs: string[], options: ParseTargetsOptions): Promise<TargetPlan> {
  const resolve = options.resolveHostname ?? defaultResolver;
  const entries = splitSpecs(specs);
  if (entries.length === 0) throw new TargetError('No targets given.', null);
  const parsed = await Promise.all([...new Set(entries)].map((spec) => parseSpec(spec, resolve)));
  const ranges = mergeRanges(parsed.flatMap((p) => p.ranges));
  const total = ranges.reduce((n, r) => n + rangeSize(r), 0);
  checkConfirmations(parsed, total, options);

  const hostnames: Record<string, string> = {};
  for (const p of parsed) {
    if (p.kind !== 'hostname') continue;
    for (const [value] of p.ranges) hostnames[intToIp(value)] ??= p.spec;
  }
  const plan: TargetPlan = {
    ranges,
    total,
    specs: parsed.map((p) => p.spec),
    parsed,
    hostnames,
    addresses: () => addressesOf(plan),
  };
  return plan;
}
