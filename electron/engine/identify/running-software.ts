/**
 * What a general-purpose computer runs says what it is for. A box behind a
 * generic agent (net-snmp, Windows' SNMP service) names its OS, not its job;
 * HOST-RESOURCES' process table does: Samba and NFS daemons make a file server,
 * routing daemons a router, hostapd an access point, QEMU a hypervisor
 * (rules/running-software.ts). Read only of generic agents, whose class is
 * otherwise a guess, and bounded.
 */
import type { SnmpSource } from '../snmp/source';
import { asRawText } from '../snmp/varbind-values';
import { enterpriseOf } from './enterprises';
import { COLUMN, OID } from './oids';
import { GENERIC_AGENT_ENTERPRISES } from './rules/probe-gates';
import type { Facts } from './types';

/** The fact: the distinct program names the host runs, lower case, space-separated ("cron nfsd smbd sshd"). */
export const RUNNING_SOFTWARE_FACT = 'hr.software';

/** Busy servers run a few hundred processes; their names repeat (one smbd per client). */
const MAX_PROCESSES = 600;
const WALK_TIMEOUT_MS = 3000;

/** "/usr/sbin/smbd" → "smbd", "svchost.exe" → "svchost". */
export function programName(name: string): string {
  return (name.split(/[\\/]/).at(-1) ?? '').replace(/\.exe$/i, '').trim().toLowerCase();
}

export async function readRunningSoftware(source: SnmpSource, facts: Facts, signal?: AbortSignal): Promise<void> {
  const objectId = facts.get(OID.sysObjectID)?.value;
  const enterprise = objectId ? enterpriseOf(objectId) : null;
  if (enterprise !== null && !GENERIC_AGENT_ENTERPRISES.includes(enterprise)) return;
  const res = await source.walk(COLUMN.hrSWRunName, { maxRows: MAX_PROCESSES, timeoutMs: WALK_TIMEOUT_MS, signal, sample: true });
  const names = new Set(res.rows.filter((r) => r.oid.startsWith(`${COLUMN.hrSWRunName}.`)).map((r) => programName(asRawText(r) ?? '')).filter(Boolean));
  if (names.size > 0) facts.set(RUNNING_SOFTWARE_FACT, { value: [...names].sort().join(' '), source: COLUMN.hrSWRunName });
}
