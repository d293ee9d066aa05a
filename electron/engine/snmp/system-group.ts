/**
 * The SNMP system group (RFC 1213 §6.3), read once and decoded into typed
 * fields. Used by the live probe and by offline analysis alike.
 *
 * Strings from devices are untrusted: they are decoded as every value is
 * (snmp/varbind-values.ts) and keep their control characters, so the scan
 * document records what the device said; rendering them as text, never HTML,
 * is the UI's job.
 */
import type { SystemGroup } from '../probes';
import type { SnmpSource, VarBind } from './source';
import { asOid, asRawText } from './varbind-values';

export type { SystemGroup };

export const SYSTEM_GROUP_OIDS = {
  sysDescr: '1.3.6.1.2.1.1.1.0',
  sysObjectID: '1.3.6.1.2.1.1.2.0',
  sysUpTime: '1.3.6.1.2.1.1.3.0',
  sysContact: '1.3.6.1.2.1.1.4.0',
  sysName: '1.3.6.1.2.1.1.5.0',
  sysLocation: '1.3.6.1.2.1.1.6.0',
} as const;

/** GET order; `decodeSystemGroup` also accepts any order since it matches by OID. */
export const SYSTEM_GROUP_OID_LIST: readonly string[] = Object.values(SYSTEM_GROUP_OIDS);

function asSeconds(vb: VarBind | undefined): number | null {
  if (!vb || typeof vb.value !== 'number' || !Number.isFinite(vb.value) || vb.value < 0) return null;
  return Math.floor(vb.value / 100);
}

/** GET results (nulls for missing objects) → the typed system group. */
export function decodeSystemGroup(varbinds: readonly (VarBind | null)[]): SystemGroup {
  const byOid = new Map<string, VarBind>();
  for (const vb of varbinds) if (vb) byOid.set(vb.oid, vb);
  const at = (f: keyof typeof SYSTEM_GROUP_OIDS) => byOid.get(SYSTEM_GROUP_OIDS[f]);
  // RFC 1213 declares these DisplayStrings: text, whatever stray bytes an agent puts in them.
  const text = (f: keyof typeof SYSTEM_GROUP_OIDS) => asRawText(at(f), { displayString: true });
  return {
    sysDescr: text('sysDescr'),
    sysObjectID: asOid(at('sysObjectID')),
    uptimeSeconds: asSeconds(at('sysUpTime')),
    sysContact: text('sysContact'),
    sysName: text('sysName'),
    sysLocation: text('sysLocation'),
  };
}

export async function readSystemGroup(source: SnmpSource, signal?: AbortSignal): Promise<SystemGroup> {
  return decodeSystemGroup(await source.get(SYSTEM_GROUP_OID_LIST, signal));
}

/** True when the agent served at least one system-group object. */
export function hasAnySystemField(system: SystemGroup): boolean {
  return Object.values(system).some((v) => v !== null);
}
