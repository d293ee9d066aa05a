/**
 * The scan orchestrator: plan targets, sweep every address with ICMP, SNMP,
 * ARP and (optionally) TCP all at once, then enrich each live device (reverse
 * DNS, identification, deeper reads in a full assessment). Every result is
 * streamed the moment it is known, and cancellation always yields a valid
 * partial document.
 */
import { setMaxListeners } from 'node:events';
import type { ScanDocument, ScanInfo } from '../../../shared/scan-document';
import { SCAN_SCHEMA_VERSION } from '../../../shared/scan-document';
import type { ScanEvent, ScanPhase } from '../../../shared/scan-events';
import type { EngineScanRequest } from '../../../shared/scan-request';
import type { EngineProbes, ProbeOptions, SnmpOutcome, TargetPlanView } from '../probes';
import { createConcurrencyLimiter, createRateLimiter, sleep, type RateLimiter } from '../util/pacing';
import { DeviceRegistry } from './device-registry';
import { PhaseProgress, type ProgressSnapshot } from './progress';

export interface RunScanOptions {
  probes: EngineProbes;
  emit: (event: ScanEvent) => void;
  signal: AbortSignal;
  generatorVersion: string;
  /** After a cancel, how long in-flight probes may still land before the document is closed. */
  cancelGraceMs?: number;
}

/** Thrown before any event when the request itself is unusable (bad or unconfirmed targets). */
export class ScanRejectedError extends Error {
  override readonly name = 'ScanRejectedError';
}

/** How long to let the neighbour table catch up before identifying a host with no MAC yet. */
const MAC_SETTLE_MS = 300;
/** Devices enriched at once: SNMP walks are heavier than sweep probes. */
const ENRICH_CONCURRENCY = 32;

interface ScanContext {
  request: EngineScanRequest;
  probes: EngineProbes;
  registry: DeviceRegistry;
  signal: AbortSignal;
  rateLimiter: RateLimiter;
  quick: boolean;
  snmpByIp: Map<string, SnmpOutcome>;
  enriched: Set<string>;
  emitPhase(phase: ScanPhase, message?: string): void;
  publishProgress(snapshot: ProgressSnapshot): void;
}

export async function runScan(request: EngineScanRequest, options: RunScanOptions): Promise<ScanDocument> {
  const { probes, emit, signal } = options;
  // Every in-flight probe listens for the cancel; thousands at once are expected, not a leak.
  setMaxListeners(0, signal);
  const plan = await planOrReject(request, probes);
  const scan: ScanInfo = {
    id: request.scanId,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    targets: plan.specs,
    status: 'running',
    preset: request.preset,
    ...(request.client ? { client: request.client } : {}),
    ...(request.site ? { site: request.site } : {}),
  };
  emit({ type: 'scan-started', scanId: scan.id, scan, totalAddresses: plan.total });

  const registry = new DeviceRegistry(scan.id, emit);
  const context: ScanContext = {
    request,
    probes,
    registry,
    signal,
    rateLimiter: createRateLimiter(request.limits.packetsPerSecond),
    quick: request.preset === 'quick',
    snmpByIp: new Map(),
    enriched: new Set(),
    emitPhase: (phase, message) => emit({ type: 'phase', scanId: scan.id, phase, ...(message ? { message } : {}) }),
    publishProgress: (s) => emit({ type: 'progress', scanId: scan.id, ...s }),
  };

  let failure: string | undefined;
  try {
    await untilDoneOrCancelled(runPipeline(context, plan), signal, options.cancelGraceMs ?? 300);
  } catch (error) {
    if (!signal.aborted) failure = error instanceof Error ? error.message : String(error);
  } finally {
    registry.seal();
    for (const snmp of context.snmpByIp.values()) snmp.close();
  }

  const status = failure ? 'failed' : signal.aborted ? 'cancelled' : 'completed';
  const finished: ScanInfo = { ...scan, status, finishedAt: new Date().toISOString() };
  context.emitPhase('done');
  emit({
    type: 'scan-finished',
    scanId: scan.id,
    status,
    finishedAt: finished.finishedAt!,
    deviceCount: registry.size,
    ...(failure ? { error: failure } : {}),
  });
  return {
    schemaVersion: SCAN_SCHEMA_VERSION,
    generator: { name: 'forewarn', version: options.generatorVersion },
    scan: finished,
    devices: registry.list(),
  };
}

async function planOrReject(request: EngineScanRequest, probes: EngineProbes): Promise<TargetPlanView> {
  const specs = request.targets.length > 0 ? request.targets : probes.detectLocalSubnets();
  if (specs.length === 0) throw new ScanRejectedError('No targets given and no local IPv4 subnet was detected. Enter a subnet such as 192.168.1.0/24.');
  try {
    return await probes.planTargets(specs, request.confirmations);
  } catch (error) {
    throw new ScanRejectedError(error instanceof Error ? error.message : String(error));
  }
}

/** Resolve when `work` ends, or shortly after an abort even if stragglers are still in flight. */
async function untilDoneOrCancelled(work: Promise<void>, signal: AbortSignal, graceMs: number): Promise<void> {
  const cancelled = new Promise<void>((resolve) => {
    const onAbort = () => setTimeout(resolve, graceMs);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  work.catch(() => undefined); // a rejection after the cancel deadline must not go unhandled
  await Promise.race([work, cancelled]);
}

async function runPipeline(context: ScanContext, plan: TargetPlanView): Promise<void> {
  const { probes, registry, signal, request } = context;
  context.emitPhase('discovery', `Sweeping ${plan.total} addresses`);
  const discovery = new PhaseProgress('discovery', plan.total, context.publishProgress);
  const enrichLimiter = createConcurrencyLimiter(ENRICH_CONCURRENCY);
  const enrichments: Promise<void>[] = [];
  const enrichLater = (ip: string) => {
    if (context.enriched.has(ip)) return;
    context.enriched.add(ip);
    enrichments.push(enrichLimiter.run(() => enrichDevice(context, ip)));
  };

  const neighbours = probes.watchNeighbours(plan, { signal, rateLimiter: context.rateLimiter }, (ip, mac) => {
    registry.upsert(ip, { mac, reachability: { arp: true } });
  });

  await forEachConcurrent(plan.addresses(), request.limits.concurrency, signal, async (ip) => {
    await discoverAddress(context, ip);
    discovery.advance();
    if (registry.has(ip)) enrichLater(ip);
  });
  await neighbours.stop();
  discovery.finish();
  if (signal.aborted) return;

  // Hosts seen only in the neighbour table (they drop ICMP and have no SNMP).
  for (const device of registry.list()) if (device.ip) enrichLater(device.ip);

  context.emitPhase('identify', `Identifying ${registry.size} devices`);
  const identify = new PhaseProgress('identify', enrichments.length, context.publishProgress);
  await Promise.all(enrichments.map((p) => p.finally(() => identify.advance())));
  identify.finish();
}

/** Every discovery probe for one address, concurrently; each answer lands as soon as it arrives. */
async function discoverAddress(context: ScanContext, ip: string): Promise<void> {
  const { probes, registry, request, signal } = context;
  const options: ProbeOptions = { timeoutMs: request.limits.timeoutMs, signal, rateLimiter: context.rateLimiter };
  let icmp: { alive: boolean; rttMs: number | null; lossPercent: number | null } | undefined;

  const ping = probes.ping(ip, options).then((result) => {
    icmp = result;
    if (result.alive) registry.upsert(ip, { reachability: { icmp: result } });
  });

  const snmp = probes.probeSnmp(ip, request.credentials, { ...options, hostKnownAlive: () => registry.has(ip) }).then(({ outcome, errors }) => {
    if (outcome) {
      context.snmpByIp.set(ip, outcome);
      registry.upsert(ip, {
        sysName: outcome.system.sysName,
        sysDescr: outcome.system.sysDescr,
        sysObjectID: outcome.system.sysObjectID,
        sysLocation: outcome.system.sysLocation,
        sysContact: outcome.system.sysContact,
        uptimeSeconds: outcome.system.uptimeSeconds,
        reachability: { snmp: { version: outcome.version, credential: outcome.credentialLabel } },
      });
    }
    // Something answered on 161, even if unusably: the host exists and the problem is worth showing.
    const answeredBadly = errors.filter((e) => e.code !== 'snmp-timeout');
    if (answeredBadly.length > 0 && !registry.has(ip)) registry.upsert(ip, {});
    for (const error of answeredBadly) registry.addError(ip, { ...error, phase: 'discovery' });
  });

  const tcp =
    request.limits.tcpProbe && !context.quick
      ? probes.tcpProbe(ip, options).then((result) => {
          if (result.alive || registry.has(ip)) registry.upsert(ip, { reachability: { tcp: result.open } });
        })
      : Promise.resolve();

  await Promise.allSettled([ping, snmp, tcp]);
  if (icmp && !icmp.alive && registry.has(ip)) registry.upsert(ip, { reachability: { icmp } });
}

/** Reverse DNS and identification for one live device; problems are recorded, never thrown. */
async function enrichDevice(context: ScanContext, ip: string): Promise<void> {
  const { probes, registry, signal, request } = context;
  if (signal.aborted) return;
  try {
    if (!registry.get(ip)?.mac && probes.isOnLink(ip)) await sleep(MAC_SETTLE_MS, signal);
    const hostname = await probes.reverseDns(ip, { timeoutMs: request.limits.timeoutMs, signal });
    if (hostname) registry.upsert(ip, { hostname });
    const device = registry.get(ip);
    const snmp = context.snmpByIp.get(ip);
    const identity = await probes.identify(
      snmp?.source ?? null,
      {
        mac: device?.mac ?? null,
        hostname,
        openTcpPorts: device?.reachability.tcp ?? [],
        system: snmp?.system ?? null,
      },
      { quick: context.quick, signal },
    );
    registry.upsert(
      ip,
      { vendor: identity.vendor, type: identity.type, model: identity.model, firmware: identity.firmware, serial: identity.serial },
      identity.evidence,
    );
  } catch (error) {
    if (signal.aborted) return;
    registry.addError(ip, { code: 'enrich-failed', message: error instanceof Error ? error.message : String(error), phase: 'identify' });
  }
}

/** Run `task` over a lazy iterable with at most `concurrency` in flight, without materialising it. */
async function forEachConcurrent<T>(items: Iterable<T>, concurrency: number, signal: AbortSignal, task: (item: T) => Promise<void>): Promise<void> {
  const iterator = items[Symbol.iterator]();
  const worker = async () => {
    for (;;) {
      if (signal.aborted) return;
      const next = iterator.next();
      if (next.done) return;
      await task(next.value).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}
