/**
 * The scan orchestrator: plan the targets, discover every live address
 * (discovery.ts), then enrich each live device (enrich.ts). Every result is
 * streamed the moment it is known, and cancellation always yields a valid
 * partial document.
 */
import { setMaxListeners } from 'node:events';
import { redactSecrets, secretsOf } from '../../../shared/credentials';
import type { ScanDocument, ScanInfo } from '../../../shared/scan-document';
import { SCAN_SCHEMA_VERSION } from '../../../shared/scan-document';
import type { ScanEvent } from '../../../shared/scan-events';
import type { EngineScanRequest } from '../../../shared/scan-request';
import type { IpcErrorEnvelope } from '../../../shared/ipc-errors';
import { TargetError } from '../targets/parse-targets';
import type { EngineProbes, TargetPlanView } from '../probes';
import { createConcurrencyLimiter, createRateLimiter } from '../util/pacing';
import type { ScanContext } from './context';
import { DeviceRegistry } from './device-registry';
import { discoverPlan } from './discovery';
import { assessFindings, enrichDevice, startHostLookups } from './enrich';
import { createScanTopology, NO_TOPOLOGY, type TopologyOutcome } from './topology';
import type { Finding } from '../../../shared/health/schema';
import { PhaseProgress } from './progress';

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
  constructor(
    message: string,
    /** What the renderer acts on: the code, and the confirmations that would let the scan start. */
    readonly envelope: IpcErrorEnvelope = { code: 'invalid-targets', message },
  ) {
    super(message);
  }
}

/** Devices enriched at once: SNMP walks are heavier than sweep probes. */
const ENRICH_CONCURRENCY = 32;
/**
 * Hosts asked over mDNS, NetBIOS and SSDP at once (three sockets each): a large LAN finds a thousand hosts
 * within its ARP window, and their sockets must not crowd out the SNMP and TCP probes'.
 */
const NAME_SERVICE_CONCURRENCY = 64;

export async function runScan(request: EngineScanRequest, options: RunScanOptions): Promise<ScanDocument> {
  const { probes, emit, signal } = options;
  // Every in-flight probe listens for the cancel; thousands at once are expected, not a leak.
  setMaxListeners(0, signal);
  const plan = await planOrReject(request, probes);
  const scan = describeScan(request, plan, await probes.defaultGateway().catch(() => null));
  emit({ type: 'scan-started', scanId: scan.id, scan, totalAddresses: plan.total });

  const redact = (text: string) => redactSecrets(text, secretsOf(request.credentials));
  const context = createContext(request, options, scan, redact);
  let failure: string | undefined;
  let topology = NO_TOPOLOGY;
  try {
    await untilDoneOrCancelled(runPipeline(context, plan), signal, options.cancelGraceMs ?? 300);
    topology = await finishTopology(context);
  } catch (error) {
    if (!signal.aborted) failure = redact(error instanceof Error ? error.message : String(error));
  } finally {
    context.registry.seal();
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
    deviceCount: context.registry.size,
    ...(failure ? { error: failure } : {}),
  });
  return {
    schemaVersion: SCAN_SCHEMA_VERSION,
    generator: { name: 'forewarn', version: options.generatorVersion },
    scan: finished,
    devices: [...context.registry.list(), ...topology.placeholders],
    ...(topology.links.length > 0 ? { links: topology.links } : {}),
  };
}

function describeScan(request: EngineScanRequest, plan: TargetPlanView, gateway: string | null): ScanInfo {
  return {
    id: request.scanId,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    targets: plan.specs,
    status: 'running',
    preset: request.preset,
    gateway,
    ...(request.client ? { client: request.client } : {}),
    ...(request.credentialProfileIds?.length ? { credentialProfileIds: request.credentialProfileIds } : {}),
    ...(request.site ? { site: request.site } : {}),
  };
}

function createContext(request: EngineScanRequest, options: RunScanOptions, scan: ScanInfo, redact: (text: string) => string): ScanContext {
  const { emit } = options;
  const registry = new DeviceRegistry(scan.id, emit, (ip) => startHostLookups(context, ip), redact);
  const context: ScanContext = {
    request,
    probes: options.probes,
    registry,
    topology: createScanTopology(scan.id, registry, scan.gateway ?? null, emit),
    signal: options.signal,
    rateLimiter: createRateLimiter(request.limits.packetsPerSecond),
    quick: request.preset === 'quick',
    snmpByIp: new Map(),
    reverseDnsByIp: new Map(),
    nameServicesByIp: new Map(),
    nameServiceLimiter: createConcurrencyLimiter(NAME_SERVICE_CONCURRENCY),
    emitPhase: (phase, message) => emit({ type: 'phase', scanId: scan.id, phase, ...(message ? { message } : {}) }),
    publishProgress: (s) => emit({ type: 'progress', scanId: scan.id, ...s }),
  };
  return context;
}

/** The final graph (also after a cancel: a partial graph is still a valid one), with its findings filed on their devices. */
async function finishTopology(context: ScanContext): Promise<TopologyOutcome> {
  const result = await context.topology.finish();
  const findingsByDevice = new Map<string, Finding[]>();
  for (const { deviceIds, finding } of result.findings) {
    for (const id of deviceIds) findingsByDevice.set(id, [...(findingsByDevice.get(id) ?? []), finding]);
  }
  for (const device of context.registry.list()) {
    const extra = findingsByDevice.get(device.id);
    if (extra && device.ip) assessFindings(context, device.ip, extra);
  }
  return result;
}

async function planOrReject(request: EngineScanRequest, probes: EngineProbes): Promise<TargetPlanView> {
  const specs = request.targets.length > 0 ? request.targets : probes.detectLocalSubnets();
  if (specs.length === 0) throw new ScanRejectedError('No targets given and no local IPv4 subnet was detected. Enter a subnet such as 192.168.1.0/24.');
  try {
    return await probes.planTargets(specs, request.confirmations);
  } catch (error) {
    if (error instanceof TargetError) throw new ScanRejectedError(error.message, error.envelope());
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

/** Discovery and enrichment overlap: a device is enriched as soon as its discovery probes settle. */
async function runPipeline(context: ScanContext, plan: TargetPlanView): Promise<void> {
  const { registry, signal } = context;
  context.emitPhase('discovery', `Sweeping ${plan.total} addresses`);
  const enrichLimiter = createConcurrencyLimiter(ENRICH_CONCURRENCY);
  const enriching = new Map<string, Promise<void>>();
  const enrichLater = (ip: string) => {
    if (!enriching.has(ip)) enriching.set(ip, enrichLimiter.run(() => enrichDevice(context, ip)));
  };

  await discoverPlan(context, plan, enrichLater);
  if (signal.aborted) return;
  for (const device of registry.list()) if (device.ip) enrichLater(device.ip);

  // A full assessment reads identity, health and wiring in one pass per device: one phase, named for all three.
  const phase = context.quick ? 'identify' : 'assess';
  context.emitPhase(phase, context.quick ? `Identifying ${registry.size} devices` : `Identifying ${registry.size} devices, reading their health and wiring`);
  const progress = new PhaseProgress(phase, enriching.size, context.publishProgress);
  await Promise.all([...enriching.values()].map((p) => p.finally(() => progress.advance())));
  if (!signal.aborted) progress.finish();
}
