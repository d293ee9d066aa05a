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
import type { ScanContext } from './context';
import { observeWalkProblems } from './observed-source';

/** Default gap between the two interface-counter samples of a full assessment. */
export const DEFAULT_INTERFACE_SAMPLE_MS = 10_000;

export async function enrichDevice(context: ScanContext, ip: string): Promise<void> {
  const { registry, signal } = context;
  if (signal.aborted) return;
  try {
    const hostname = await reverseDnsOf(context, ip);
    if (hostname) registry.upsert(ip, { hostname });
    const snmp = observed(context, ip, context.snmpByIp.get(ip));
    const identity = await identify(context, ip, hostname, snmp);
    if (!context.quick && snmp) await readDeeper(context, ip, identity, snmp);
    assessFindings(context, ip);
  } catch (error) {
    if (signal.aborted) return;
    registry.addError(ip, { code: 'enrich-failed', message: error instanceof Error ? error.message : String(error), phase: 'identify' });
  }
}

function observed(context: ScanContext, ip: string, snmp: SnmpOutcome | undefined): SnmpOutcome | undefined {
  if (!snmp) return undefined;
  return { ...snmp, source: observeWalkProblems(snmp.source, (error) => context.registry.addError(ip, error)) };
}

async function identify(context: ScanContext, ip: string, hostname: string | null, snmp: SnmpOutcome | undefined): Promise<Identity> {
  const device = context.registry.get(ip);
  const identity = await context.probes.identify(
    snmp?.source ?? null,
    { mac: device?.mac ?? null, hostname, openTcpPorts: device?.reachability.tcp ?? [], system: snmp?.system ?? null },
    { quick: context.quick, signal: context.signal },
  );
  context.registry.upsert(
    ip,
    { vendor: identity.vendor, type: identity.type, model: identity.model, firmware: identity.firmware, serial: identity.serial },
    identity.evidence,
  );
  return identity;
}

/** Health and topology facts; they share the device's SNMP session (its own limits keep the agent comfortable). */
async function readDeeper(context: ScanContext, ip: string, identity: Identity, snmp: SnmpOutcome): Promise<void> {
  const { probes, registry, signal, request } = context;
  const sampleIntervalMs = request.interfaceSampleMs ?? DEFAULT_INTERFACE_SAMPLE_MS;
  const [health, facts] = await Promise.all([
    probes.collectHealth(snmp.source, { type: identity.type, sampleIntervalMs, signal }),
    probes.collectTopologyFacts(snmp.source, { signal, vlanSource: snmp.vlanSource }).catch((error: unknown) => {
      registry.addError(ip, { code: 'topology-failed', message: error instanceof Error ? error.message : String(error), phase: 'topology' });
      return null;
    }),
  ]);
  const { errors, ...readings } = health;
  registry.upsert(ip, readings);
  for (const error of errors) registry.addError(ip, error);
  if (facts) context.topology.record(registry.get(ip)?.id ?? ip, facts);
}

/** Findings and risk from everything known about the device so far (rules and thresholds are data in shared/health). */
export function assessFindings(context: ScanContext, ip: string, extra: readonly Finding[] = []): void {
  const device = context.registry.get(ip);
  if (!device) return;
  const findings = [...evaluateFindings(device, context.request.thresholds ?? {}, new Date()), ...extra];
  context.registry.upsert(ip, { findings, risk: scoreRisk(findings) });
}

/** Start (once) the reverse lookup of a newly found device. */
export function startReverseDns(context: ScanContext, ip: string): void {
  if (context.reverseDnsByIp.has(ip)) return;
  const { timeoutMs } = context.request.limits;
  context.reverseDnsByIp.set(ip, context.probes.reverseDns(ip, { timeoutMs, signal: context.signal }).catch(() => null));
}

function reverseDnsOf(context: ScanContext, ip: string): Promise<string | null> {
  startReverseDns(context, ip);
  return context.reverseDnsByIp.get(ip)!;
}
