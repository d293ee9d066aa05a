/**
 * Which classed vendor modules an agent serves ("LIEBERT-GP-PDU-MIB", "SIAE-RADIO-SYSTEM-MIB"):
 * one GETNEXT under each module's root, for the vendor trees the agent serves (its sysObjectID's
 * and the enterprise census's). A module answered is a fact `module-class:TYPE` naming it, and
 * the compiled rule mib-module-class turns it into that type. Full identification only.
 */
import type { DeviceType } from '../../../shared/device-types';
import type { SnmpSource } from '../snmp/source';
import { classedModulesOf } from '../knowledge/module-classes';
import type { Facts } from './types';

/** Past this many GETNEXTs a device's answer is not worth the wait (a vendor has at most 12). */
const MAX_PROBES = 16;
const PROBE_TIMEOUT_MS = 3000;

export function moduleClassFact(type: DeviceType): string {
  return `module-class:${type}`;
}

export async function addClassedModuleFacts(source: SnmpSource, facts: Facts, enterprises: readonly number[], signal?: AbortSignal): Promise<void> {
  const probes = [...new Set(enterprises)].flatMap(classedModulesOf).slice(0, MAX_PROBES);
  const answered = await Promise.all(
    probes.map(async (probe) => {
      const res = await source.walk(probe.root, { maxRows: 1, timeoutMs: PROBE_TIMEOUT_MS, signal, sample: true });
      return res.rows.length > 0 ? probe : null;
    }),
  );
  for (const probe of answered) {
    if (probe && !facts.has(moduleClassFact(probe.type))) facts.set(moduleClassFact(probe.type), { value: probe.module, source: probe.root });
  }
}
