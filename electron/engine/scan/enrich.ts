/**
 * Enrichment of one live device: its reverse-DNS name and identification
 * (and, in a full assessment, the deeper reads). Problems are recorded on the
 * device, never thrown: one bad agent must not stop a scan.
 */
import type { ScanContext } from './context';

export async function enrichDevice(context: ScanContext, ip: string): Promise<void> {
  const { probes, registry, signal } = context;
  if (signal.aborted) return;
  try {
    const hostname = await reverseDnsOf(context, ip);
    if (hostname) registry.upsert(ip, { hostname });
    const device = registry.get(ip);
    const snmp = context.snmpByIp.get(ip);
    const identity = await probes.identify(
      snmp?.source ?? null,
      { mac: device?.mac ?? null, hostname, openTcpPorts: device?.reachability.tcp ?? [], system: snmp?.system ?? null },
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
