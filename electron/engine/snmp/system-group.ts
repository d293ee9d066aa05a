/**
 * The SNMP system group (RFC 1213 §6.3), read once and decoded into typed
 * fields. Used by the live probe and by offline analysis alike.
 */
import { varbindText } from '../identify/decode';
import type { SystemGroup } from '../probes';
import type { SnmpSource, VarBind } from './source';

export const SYSTEM_GROUP_OIDS = {
  sysDescr: '1.3.6.1.2.1.1.1.0',
  sysObjectID: '1.3.6.1.2.1.1.2.0',
  sysUpTime: '1.3.6.1.2.1.1.3.0',
  sysContact: '1.3.6.1.2.1.1.4.0',
  sysName: '1.3.6.1.2.1.1.5.0',
  sysLocation: '1.3.6.1.2.1.1.6.0',
} as const;

const ORDER = Object.values(SYSTEM_GROUP_OIDS);

/** Decode GET results in SYSTEM_GROUP_OIDS order. */
export function decodeSystemGroup(varbinds: readonly (VarBind | null)[]): SystemGroup {
  const [descr, objectId, upTime, contact, name, location] = varbinds;
  return {
    sysDescr: varbindText(descr),
    sysObjectID: varbindText(objectId),
    uptimeSeconds: typeof upTime?.value === 'number' ? Math.floor(upTime.value / 100) : null,
    sysContact: varbindText(contact),
    sysName: varbindText(name),
    sysLocation: varbindText(location),
  };
}

export async function readSystemGroup(source: SnmpSource, signal?: AbortSignal): Promise<SystemGroup> {
  return decodeSystemGroup(await source.get(ORDER, signal));
}
