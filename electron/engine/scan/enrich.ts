/**
 * Enrichment of one live device: its reverse-DNS name and identification;
 * in a full assessment also hardware health and topology facts; and always
 * the findings and risk they imply. Problems are recorded on the device,
 * never thrown: one bad agent must not stop a scan.
 */
import { evaluateFindings } from '../../../shared/health/evaluate';
import { scoreRisk } from '../../../shared/health/risk';
import type { Finding } from '../../../shared/health/schema';
import type { Identity, SnmpOutcome } from '../probes';
import type { HostHints, NameServiceHints } from '../discovery/host-hints';
import type { ScanContext } from './context';
import { observeWalkProblems } from './observed-source';
import { withWalkCache } from '../snmp/walk-cache';

/** Default gap between the two interface-counter samples of a full assessment. */
export const DEFAULT_INTERFACE_SAMPLE_MS = 10_000;

export async function enrichDevice(context: ScanContext, ip: string): Promise<void> {
  const { registry, signal } = context;
  if (signal.aborted) return;
  try {
    const snmp = context.snmpByIp.get(ip);
    // A host without SNMP is known by what it calls itself (mDNS, NetBIOS, UPnP, its web page).
    const [hostname, hints] = await Promise.all([reverseDnsOf(context, ip), snmp ? null : hostHintsOf(context, ip)]);
    if (hostname) registry.upsert(ip, { hostname });
    const agent = observed(context, ip, snmp);
    let identity = await identify(context, ip, { hostname, hints }, agent?.snmp, context.quick);
    // Deep reads of an agent that loops or babbles are junk (a "printer" with seven alarms):
    // keep only what the system group, the MAC and the ports say; the broken agent is itself a finding.
    if (agent?.untrustworthy()) identity = await identify(context, ip, { hostname, hints }, agent.snmp, true);
    publishIdentity(context, ip, identity);
    if (!context.quick && agent && !agent.untrustworthy()) await readDeeper(context, ip, identity, agent.snmp, agent.untrustworthy);
    assessFindings(context, ip);
  } catch (error) {
    if (signal.aborted) return;
    registry.addError(ip, { code: 'enrich-failed', message: error instanceof Error ? error.message : String(error), phase: 'identify' });
  }
}

/** Agent problems that make its table data meaningless (a truncated walk is merely incomplete). */
const UNTRUSTWORTHY = new Set(['walk-loop', 'snmp-malformed']);

function observed(context: ScanContext, ip: string, snmp: SnmpOutcome | undefined): { snmp: SnmpOutcome; untrustworthy(): boolean } | undefined {
  if (!snmp) return undefined;
  let broken = false;
  // One walk of each static IF-MIB column for identification, health and topology together.
  const source = observeWalkProblems(withWalkCache(snmp.source), (error) => {
    broken ||= UNTRUSTWORTHY.has(error.code);
    context.registry.addError(ip, error);
  });
  return { snmp: { ...snmp, source }, untrustworthy: () => broken };
}

async function identify(context: ScanContext, ip: string, named: { hostname: string | null; hints: HostHints | null }, snmp: SnmpOutcome | undefined, quick: boolean): Promise<Identity> {
  const device = context.registry.get(ip);
  return context.probes.identify(
    snmp?.source ?? null,
    { mac: device?.mac ?? null, hostname: named.hostname, hints: named.hints, openTcpPorts: device?.reachability.tcp ?? [], system: snmp?.system ?? null },
    { quick, signal: context.signal },
  );
}

function publishIdentity(context: ScanContext, ip: string, identity: Identity): void {
  context.registry.upsert(
    ip,
    {
      vendor: identity.vendor, type: identity.type, model: identity.model, firmware: identity.firmware, serial: identity.serial,
      // The name the host gave itself (mDNS, NetBIOS, UPnP) when DNS has none; DNS's own stays.
      ...(identity.hostname ? { hostname: identity.hostname } : {}),
    },
    identity.evidence,
  );
}

/** What the host says of itself (its name services, asked when it was found, and its web page), or null when nothing answered. */
async function hostHintsOf(context: ScanContext, ip: string): Promise<HostHints | null> {
  const openTcpPorts = context.registry.get(ip)?.reachability.tcp ?? [];
  const options = { timeoutMs: context.request.limits.timeoutMs, signal: context.signal };
  const [named, web] = await Promise.all([
    nameServicesOf(context, ip),
    context.probes.webHints ? context.probes.webHints(ip, openTcpPorts, options).catch(() => null) : null,
  ]);
  const hints: HostHints = { mdns: named?.mdns ?? null, netbios: named?.netbios ?? null, ssdp: named?.ssdp ?? null, web };
  return hints.mdns || hints.netbios || hints.ssdp || hints.web ? hints : null;
}

/** Health and topology facts; they share the device's SNMP session (its own limits keep the agent comfortable). */
async function readDeeper(context: ScanContext, ip: string, identity: Identity, snmp: SnmpOutcome, untrustworthy: () => boolean): Promise<void> {
  const { probes, registry, signal, request } = context;
  const sampleIntervalMs = request.interfaceSampleMs ?? DEFAULT_INTERFACE_SAMPLE_MS;
  const [health, facts] = await Promise.all([
    probes.collectHealth(snmp.source, { type: identity.type, sampleIntervalMs, signal, sysObjectID: snmp.system.sysObjectID }),
    probes.collectTopologyFacts(snmp.source, { signal, vlanSource: snmp.vlanSource }).catch((error: unknown) => {
      registry.addError(ip, { code: 'topology-failed', message: error instanceof Error ? error.message : String(error), phase: 'topology' });
      return null;
    }),
  ]);
  const { errors, ...readings } = health;
  for (const error of errors) registry.addError(ip, error);
  if (untrustworthy()) return; // the agent broke while being read: none of it can be believed
  registry.upsert(ip, readings);
  if (facts) context.topology.record(registry.get(ip)?.id ?? ip, facts);
}

/** Findings and risk from everything known about the device so far (rules and thresholds are data in shared/health). */
export function assessFindings(context: ScanContext, ip: string, extra: readonly Finding[] = []): void {
  const device = context.registry.get(ip);
  if (!device) return;
  const findings = [...evaluateFindings(device, context.request.thresholds ?? {}, new Date()), ...extra];
  context.registry.upsert(ip, { findings, risk: scoreRisk(findings) });
}

/**
 * Start (once) the lookups of a newly found device that need nothing else to be known: its reverse DNS name
 * and its name services. They run while the device's other probes do.
 */
export function startHostLookups(context: ScanContext, ip: string): void {
  const options = { timeoutMs: context.request.limits.timeoutMs, signal: context.signal };
  if (!context.reverseDnsByIp.has(ip)) context.reverseDnsByIp.set(ip, context.probes.reverseDns(ip, options).catch(() => null));
  const { nameServices } = context.probes;
  if (!context.nameServicesByIp.has(ip)) {
    context.nameServicesByIp.set(ip, nameServices ? context.nameServiceLimiter.run(() => nameServices(ip, options)).catch(() => null) : Promise.resolve(null));
  }
}

function reverseDnsOf(context: ScanContext, ip: string): Promise<string | null> {
  startHostLookups(context, ip);
  return context.reverseDnsByIp.get(ip)!;
}

function nameServicesOf(context: ScanContext, ip: string): Promise<NameServiceHints | null> {
  startHostLookups(context, ip);
  return context.nameServicesByIp.get(ip)!;
}
