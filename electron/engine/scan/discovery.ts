/**
 * Discovery: find every live address of the plan, as fast as the network
 * allows, streaming each host the moment anything proves it is there.
 *
 * - On-link addresses are settled by ARP: every one is primed with a tiny UDP
 *   datagram and the neighbour table is watched. A host that resolves is
 *   alive (nothing on a LAN can ignore ARP, whatever its firewall does to
 *   ICMP), and is then pinged and SNMP-probed; one that has not resolved when
 *   the ARP window closes cannot answer anything else either. The window
 *   hears the OS's first two requests, so an on-link /24 takes about one
 *   timeout and a little, like nmap's ARP scan. An entry the table held
 *   before the scan counts once its host answers anything (see discoverOnLink).
 * - Off-link addresses (routed subnets) and this machine's own addresses get
 *   ICMP, SNMP and, in a full assessment, the TCP probe, all at once.
 * - Except in a large routed range (a /16, say), where that is two or three
 *   packets for every empty address: it is swept with one echo request an
 *   address, as many in flight as the packet cap can fill, and only the
 *   addresses that answer get SNMP and TCP. A host there that drops ping is
 *   not found (as with `nmap -sn`); list its address or subnet to have it probed fully.
 */
import { forEachConcurrently } from '../util/concurrently';
import type { PingOutcome, ProbeOptions, TargetPlanView } from '../probes';
import { createConcurrencyLimiter, sleep, type ConcurrencyLimiter } from '../util/pacing';
import type { ScanContext } from './context';
import { PhaseProgress } from './progress';

/** Calls `onLive` once per live address, as soon as its discovery probes have settled. */
export async function discoverPlan(context: ScanContext, plan: TargetPlanView, onLive: (ip: string) => void): Promise<void> {
  const { probes, request, signal } = context;
  const progress = new PhaseProgress('discovery', plan.total, context.publishProgress);
  const found: FoundProbing = { limiter: createConcurrencyLimiter(request.limits.concurrency), progress, onLive, aliveProbes: [] };
  const onLink = discoverOnLink(context, plan, found);

  const onLinkTotal = countWhere(plan.addresses(), (ip) => probes.resolvesByArp(ip));
  const offLink = filter(plan.addresses(), (ip) => !probes.resolvesByArp(ip));
  const sweepInFlight = plan.total - onLinkTotal > LARGE_ROUTED_RANGE ? await echoSweepInFlight(context) : null;
  if (sweepInFlight) await echoSweep(context, offLink, sweepInFlight, found);
  else await probeEachFully(context, offLink, found);
  const onLinkAnswered = await onLink.settled();
  progress.advance(onLinkTotal - onLinkAnswered); // on-link addresses that never answered ARP
  await Promise.all(found.aliveProbes);
  // A cancelled sweep stays where it stopped: "done" must never claim addresses nobody probed.
  if (!signal.aborted) progress.finish();
}

/**
 * The on-link part of the sweep: ARP settles each address (see the top of
 * this file). `settled` resolves when the ARP window has closed, with how
 * many on-link addresses answered; their probes are in `found.aliveProbes`.
 */
function discoverOnLink(context: ScanContext, plan: TargetPlanView, found: FoundProbing): { settled(): Promise<number> } {
  const { probes, signal } = context;
  const { limiter, progress, onLive, aliveProbes } = found;
  const probing = new Set<string>();

  const probeResolvedHost = (ip: string) => {
    if (probing.has(ip)) return;
    probing.add(ip);
    aliveProbes.push(
      limiter.run(async () => {
        await probeAddress(context, ip, { knownAlive: true });
        progress.advance();
        onLive(ip);
      }),
    );
  };

  const neighbours = probes.watchNeighbours(plan, { signal, rateLimiter: context.rateLimiter }, (ip, mac) => {
    context.registry.upsert(ip, { mac, reachability: { arp: true } });
    if (probes.resolvesByArp(ip)) probeResolvedHost(ip);
  });
  const arpSettled = Promise.all([neighbours.primed, neighbours.retransmitMs]).then(([, retransmitMs]) => sleep(arpWindowMs(context, retransmitMs), signal));

  // An entry older than the scan proves nothing until the OS re-checks it, which Linux does only after
  // delay_first_probe_time (5 s). A host that answers a probe sent to its old entry is there now: that is
  // how a rescan of a network the laptop already knows stays as fast as the first scan.
  const proveOldEntry = async (ip: string) => {
    if (probing.has(ip)) return;
    probing.add(ip);
    await limiter.run(() => probeAddress(context, ip, { knownAlive: false }));
    if (!context.registry.has(ip)) {
      probing.delete(ip); // silent: the OS's verdict on its entry decides (probeResolvedHost then)
      return;
    }
    neighbours.confirm(ip);
    progress.advance();
    onLive(ip);
  };
  const oldEntriesProven = neighbours.unconfirmed.then((ips) => Promise.all(ips.filter((ip) => probes.resolvesByArp(ip)).map(proveOldEntry)));

  return {
    async settled() {
      await arpSettled.catch(() => undefined);
      await oldEntriesProven.catch(() => undefined);
      await neighbours.stop();
      return probing.size;
    },
  };
}

/** What every part of the sweep (on-link, routed) shares to probe and report the hosts it finds. */
interface FoundProbing {
  limiter: ConcurrencyLimiter;
  progress: PhaseProgress;
  onLive: (ip: string) => void;
  /** Probes of hosts found alive, awaited before discovery ends. */
  aliveProbes: Promise<void>[];
}

/** Every routed address gets ICMP, SNMP and TCP at once (a small range). */
async function probeEachFully(context: ScanContext, addresses: Iterable<string>, { limiter, progress, onLive }: FoundProbing): Promise<void> {
  await forEachConcurrently(addresses, context.request.limits.concurrency, context.signal, async (ip) => {
    await limiter.run(() => probeAddress(context, ip, { knownAlive: context.probes.isOwnAddress(ip) }));
    progress.advance();
    if (context.registry.has(ip)) onLive(ip);
  });
}

/** One echo request an address, `inFlight` at once; what answers (and this machine's own addresses) is then probed fully. */
async function echoSweep(context: ScanContext, addresses: Iterable<string>, inFlight: number, { limiter, progress, onLive, aliveProbes }: FoundProbing): Promise<void> {
  const { probes, request, signal } = context;
  await forEachConcurrently(addresses, inFlight, signal, async (ip) => {
    const own = probes.isOwnAddress(ip);
    const icmp = own ? null : await probes.ping(ip, { timeoutMs: request.limits.timeoutMs, signal, rateLimiter: context.rateLimiter });
    progress.advance();
    if (!own && !icmp?.alive) return;
    if (icmp) context.registry.upsert(ip, { reachability: { icmp } });
    aliveProbes.push(
      limiter.run(async () => {
        await probeAddress(context, ip, { knownAlive: true, icmp });
        onLive(ip);
      }),
    );
  });
}

/** Routed addresses beyond which a plan is swept by ICMP first (a /20 and up; see the top of this file). */
export const LARGE_ROUTED_RANGE = 4096;

/**
 * Echo requests in flight for a large sweep: enough for the packet cap to
 * stay busy through a whole timeout. Only when pings are cheap (one helper
 * process); with a process per ping, null, and the sweep probes as usual.
 */
async function echoSweepInFlight(context: ScanContext): Promise<number | null> {
  if (!(await context.probes.pingsAreCheap())) return null;
  const { packetsPerSecond, timeoutMs, concurrency } = context.request.limits;
  return Math.max(concurrency, Math.min(MAX_ECHOES_IN_FLIGHT, Math.ceil(packetsPerSecond * (timeoutMs / 1000) * 1.2)));
}

/** A ceiling on one sweep's waiting requests (each holds a timer and a map entry, nothing more). */
const MAX_ECHOES_IN_FLIGHT = 16_384;

/** Echo wait for hosts already proven alive (see probeAddress). */
const KNOWN_ALIVE_PING_MS = 500;

/**
 * How long an on-link address may take to answer ARP after the last one was
 * primed: the scan's timeout (at least half a second). A window that would
 * close just as the OS asks an unanswered address again (after a second, by
 * default) is stretched to hear that second request's answer: it is what
 * finds a host whose first request or reply was lost, as broadcasts to Wi-Fi
 * clients often are. Without the stretch, that answer raced the window's end.
 */
function arpWindowMs(context: ScanContext, retransmitMs: number): number {
  const window = Math.max(500, context.request.limits.timeoutMs);
  const secondAnswerHeard = retransmitMs + SECOND_ARP_ANSWER_MS;
  return window >= retransmitMs && window < secondAnswerHeard ? secondAnswerHeard : window;
}

/** Time for the answer to the OS's second ARP request: a round trip, even a Wi-Fi client's in power save (DTIM ≈ 100 ms). */
const SECOND_ARP_ANSWER_MS = 150;

/**
 * ICMP, SNMP and (full assessment) TCP for one address, all at once; each
 * answer lands as it arrives. `icmp`: the sweep's echo answer, when it already has one.
 */
async function probeAddress(context: ScanContext, ip: string, { knownAlive, icmp: swept = null }: { knownAlive: boolean; icmp?: PingOutcome | null }): Promise<void> {
  const { probes, registry, request, signal } = context;
  const options: ProbeOptions = { timeoutMs: request.limits.timeoutMs, signal, rateLimiter: context.rateLimiter };
  let icmp: PingOutcome | undefined = swept ?? undefined;

  // A host already proven alive is pinged only for its RTT and to learn whether it drops ICMP:
  // anything that answered ARP within milliseconds answers an echo as fast, or never.
  const pingOptions = knownAlive ? { ...options, timeoutMs: Math.min(options.timeoutMs, KNOWN_ALIVE_PING_MS) } : options;
  const ping = swept
    ? Promise.resolve()
    : probes.ping(ip, pingOptions).then((result) => {
        icmp = result;
        if (result.alive) registry.upsert(ip, { reachability: { icmp: result } });
      });

  const hostKnownAlive = () => knownAlive || registry.has(ip);
  const snmp = probes.probeSnmp(ip, request.credentials, { ...options, hostKnownAlive }).then(({ outcome, errors }) => {
    if (outcome) {
      context.snmpByIp.set(ip, outcome);
      registry.upsert(ip, {
        sysName: outcome.system.sysName,
        sysDescr: outcome.system.sysDescr,
        sysObjectID: outcome.system.sysObjectID,
        sysLocation: outcome.system.sysLocation,
        sysContact: outcome.system.sysContact,
        uptimeSeconds: outcome.system.uptimeSeconds,
        reachability: { snmp: { version: outcome.version, credential: outcome.credentialLabel, ...(outcome.defaultCommunity ? { defaultCommunity: outcome.defaultCommunity } : {}) } },
      });
    }
    // Something answered on 161, even if unusably: the host exists and the problem is worth showing.
    const answeredBadly = errors.filter((e) => e.code !== 'snmp-timeout');
    if (answeredBadly.length > 0 && !registry.has(ip)) registry.upsert(ip, {});
    for (const error of answeredBadly) registry.addError(ip, { ...error, phase: 'discovery' });
  });

  const tcp =
    request.limits.tcpProbe && !context.quick
      ? probes.tcpProbe(ip, { ...options, ...(request.limits.tcpPorts ? { ports: request.limits.tcpPorts } : {}) }).then((result) => {
          if (result.alive || registry.has(ip)) registry.upsert(ip, { reachability: { tcp: result.open } });
        })
      : Promise.resolve();

  await Promise.allSettled([ping, snmp, tcp]);
  if (icmp && !icmp.alive && registry.has(ip)) registry.upsert(ip, { reachability: { icmp } });
}

function* filter<T>(items: Iterable<T>, keep: (item: T) => boolean): Generator<T> {
  for (const item of items) if (keep(item)) yield item;
}

function countWhere<T>(items: Iterable<T>, test: (item: T) => boolean): number {
  let count = 0;
  for (const item of items) if (test(item)) count += 1;
  return count;
}
