/**
 * The enterprise census: which vendors' private MIBs an agent actually serves.
 *
 * A sysObjectID names one enterprise, and often the wrong one for reading the
 * box: a Synology or a Check Point behind net-snmp's 8072, an Extreme VOSS
 * switch that keeps Avaya's tree, an OEM platform's serial under its maker's
 * number. Instead of a hand-kept list of such pairs, ask the agent: one
 * GETNEXT from the start of 1.3.6.1.4.1 lands in the first enterprise it
 * serves; one from the number after it lands in the next; a few hops list them
 * all. Vendor knowledge (compiled identity objects, sensor tables) is then
 * read from every enterprise the agent answers, and from no other.
 */
import type { SnmpSource } from '../snmp/source';
import { enterpriseOf } from './enterprises';

const ENTERPRISES_ROOT = '1.3.6.1.4.1';
/** Real agents serve one to four vendor trees; past eight the rest are not worth the round trips. */
const MAX_HOPS = 8;
const HOP_TIMEOUT_MS = 3000;

/** Private enterprise numbers the agent serves, ascending (at most MAX_HOPS). */
export async function readEnterpriseCensus(source: SnmpSource, signal?: AbortSignal): Promise<number[]> {
  const found: number[] = [];
  let startAfter: string | undefined;
  while (found.length < MAX_HOPS) {
    const res = await source.walk(ENTERPRISES_ROOT, { maxRows: 1, timeoutMs: HOP_TIMEOUT_MS, signal, sample: true, startAfter });
    const row = res.rows[0];
    const enterprise = row ? enterpriseOf(row.oid) : null;
    // A source that cannot start mid-tree answers the same row again: stop rather than loop.
    if (enterprise == null || (found.length > 0 && enterprise <= found.at(-1)!)) break;
    found.push(enterprise);
    // GETNEXT from N+1 returns the first object after it: everything under N is skipped, N+1's own tree is not.
    startAfter = `${ENTERPRISES_ROOT}.${enterprise + 1}`;
  }
  return found;
}

/**
 * Identification and health read the same device through the same source:
 * the census is taken once per source object and shared.
 */
const censusBySource = new WeakMap<SnmpSource, Promise<number[]>>();

export function enterpriseCensus(source: SnmpSource, signal?: AbortSignal): Promise<number[]> {
  let census = censusBySource.get(source);
  if (!census) {
    census = readEnterpriseCensus(source, signal).catch((error: unknown) => {
      censusBySource.delete(source); // an aborted or failed census is not the answer for the next reader
      throw error;
    });
    censusBySource.set(source, census);
  }
  return census;
}

/** The fact that says the agent serves enterprise N's tree (its sysObjectID's, or one the census found). */
export function censusFact(enterprise: number): string {
  return `census:${enterprise}`;
}

export function isCensusFact(key: string): boolean {
  return key.startsWith('census:');
}
