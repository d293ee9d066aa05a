/**
 * The IANA private enterprise registry, compiled by tools/knowledge/compile-enterprises.ts
 * into resources/knowledge/enterprises.json: who registered 1.3.6.1.4.1.N, for any N.
 * Indexed on first lookup (62,000 lines); load it with loadKnowledge() first.
 */
import type { DeviceType } from '../../../shared/device-types';
import { knowledgeTables } from './load';

interface Registrant {
  name: string;
  /** The device class the registrant's name states ("… Ups" → ups), compiled with the table. */
  type: DeviceType | null;
}

let registrants: Map<number, Registrant> | null = null;

function registrant(n: number): Registrant | null {
  if (!registrants) {
    registrants = new Map();
    for (const line of knowledgeTables().registry.entries.split('\n')) {
      const [number, name, type] = line.split('\t');
      registrants.set(Number(number), { name: name!, type: (type as DeviceType | undefined) ?? null });
    }
  }
  return registrants.get(n) ?? null;
}

/** The registrant of enterprise `n`, cleaned for display; null when IANA has no entry. */
export function ianaEnterpriseName(n: number): string | null {
  return registrant(n)?.name ?? null;
}

/** The class enterprise `n`'s registrant name states, or null. */
export function registrantClassOf(n: number): DeviceType | null {
  return registrant(n)?.type ?? null;
}

/** Where the registry came from, its date and size (for the evidence and the docs). */
export function enterpriseRegistry(): { source: string; date: string; count: number } {
  const { source, date, count } = knowledgeTables().registry;
  return { source, date, count };
}
