/**
 * The IANA private enterprise registry, compiled by tools/knowledge/compile-enterprises.ts
 * into resources/knowledge/enterprises.json: who registered 1.3.6.1.4.1.N, for any N.
 * Indexed on first lookup (62,000 lines); load it with loadKnowledge() first.
 */
import { knowledgeTables } from './load';

let names: Map<number, string> | null = null;

/** The registrant of enterprise `n`, cleaned for display; null when IANA has no entry. */
export function ianaEnterpriseName(n: number): string | null {
  if (!names) {
    names = new Map();
    for (const line of knowledgeTables().registry.entries.split('\n')) {
      const tab = line.indexOf('\t');
      names.set(Number(line.slice(0, tab)), line.slice(tab + 1));
    }
  }
  return names.get(n) ?? null;
}

/** Where the registry came from, its date and size (for the evidence and the docs). */
export function enterpriseRegistry(): { source: string; date: string; count: number } {
  const { source, date, count } = knowledgeTables().registry;
  return { source, date, count };
}
