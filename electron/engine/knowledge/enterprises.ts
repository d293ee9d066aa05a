/**
 * The IANA private enterprise registry, compiled by tools/knowledge/compile-enterprises.ts
 * into resources/knowledge/enterprises.json: who registered 1.3.6.1.4.1.N, for any N.
 * Parsed on first use (62,000 lines), not at start-up.
 */
import registry from '../../../resources/knowledge/enterprises.json';

let names: Map<number, string> | null = null;

/** The registrant of enterprise `n`, cleaned for display; null when IANA has no entry. */
export function ianaEnterpriseName(n: number): string | null {
  if (!names) {
    names = new Map();
    for (const line of registry.entries.split('\n')) {
      const tab = line.indexOf('\t');
      names.set(Number(line.slice(0, tab)), line.slice(tab + 1));
    }
  }
  return names.get(n) ?? null;
}

export const ENTERPRISE_REGISTRY = { source: registry.source, date: registry.date, count: registry.count } as const;
