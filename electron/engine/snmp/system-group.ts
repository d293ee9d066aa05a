/**
 * The SNMP system group (RFC 1213 §6.3), read once and decoded into typed
 * fields. Used by the live probe and by offline analysis alike.
 *
 * Strings from devices are untrusted: we decode them faithfully (UTF-8, else
 * latin1) and keep control characters, so the scan document records what the
 * device said; rendering them as text, never HTML, is the UI's job. Only
 * trailing NULs go: C agents often NUL-terminate their strings.
 */
import type { SystemGroup } from '../probes';
import { parseOid } from './oid';
import type { SnmpSource, VarBind } from './source';

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

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/** Device bytes → text: UTF-8 when valid, else latin1 (one character per byte, never fails). */
export function decodeDeviceString(bytes: Uint8Array): string {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  const body = bytes.subarray(0, end);
  try {
    return utf8.decode(body);
  } catch {
    return latin1.decode(body);
  }
}

function asText(vb: VarBind | undefined): string | null {
  if (!vb || vb.value === null) return null;
  return vb.value instanceof Uint8Array ? decodeDeviceString(vb.value) : String(vb.value);
}

/** sysObjectID is an OID; a broken agent may send it as a string, which we accept only if numeric. */
function asOid(vb: VarBind | undefined): string | null {
  const text = asText(vb);
  const parts = text === null ? null : parseOid(text.trim());
  return parts ? parts.join('.') : null;
}

function asSeconds(vb: VarBind | undefined): number | null {
  if (!vb || typeof vb.value !== 'number' || !Number.isFinite(vb.value) || vb.value < 0) return null;
  return Math.floor(vb.value / 100);
}

/** GET results (nulls for missing objects) → the typed system group. */
export function decodeSystemGroup(varbinds: readonly (VarBind | null)[]): SystemGroup {
  const byOid = new Map<string, VarBind>();
  for (const vb of varbinds) if (vb) byOid.set(vb.oid, vb);
  const at = (f: keyof typeof SYSTEM_GROUP_OIDS) => byOid.get(SYSTEM_GROUP_OIDS[f]);
  return {
    sysDescr: asText(at('sysDescr')),
    sysObjectID: asOid(at('sysObjectID')),
    uptimeSeconds: asSeconds(at('sysUpTime')),
    sysContact: asText(at('sysContact')),
    sysName: asText(at('sysName')),
    sysLocation: asText(at('sysLocation')),
  };
}

export async function readSystemGroup(source: SnmpSource, signal?: AbortSignal): Promise<SystemGroup> {
  return decodeSystemGroup(await source.get(SYSTEM_GROUP_OID_LIST, signal));
}

/** True when the agent served at least one system-group object. */
export function hasAnySystemField(system: SystemGroup): boolean {
  return Object.values(system).some((v) => v !== null);
}
