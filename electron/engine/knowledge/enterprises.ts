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

/** The registry by number, parsed once from its 62,000 lines. */
function allRegistrants(): Map<number, Registrant> {
  if (!registrants) {
    registrants = new Map();
    for (const line of knowledgeTables().registry.entries.split('\n')) {
      const [number, name, type] = line.split('\t');
      registrants.set(Number(number), { name: name!, type: (type as DeviceType | undefined) ?? null });
    }
  }
  return registrants;
}

function registrant(n: number): Registrant | null {
  return allRegistrants().get(n) ?? null;
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

/**
 * Words that are registrant names in the registry but, at the start of a
 * sysDescr, name what a box is rather than who made it ("Switch", "Wireless
 * Link", "NET Agent II"). A lexicon of the trade, not of vendors.
 */
const GENERIC_WORDS = new Set([
  'switch', 'router', 'wireless', 'network', 'networks', 'net', 'system', 'systems', 'server', 'printer', 'camera',
  'link', 'agent', 'controller', 'module', 'software', 'hardware', 'linux', 'unix', 'windows', 'version', 'digital',
  'global', 'smart', 'power', 'data', 'web', 'cloud', 'secure', 'security', 'internet', 'online', 'media', 'micro',
  'the', 'snmp', 'embedded', 'integrated', 'management', 'monitor', 'sensor', 'gateway', 'access', 'point', 'device',
  'ethernet', 'fiber', 'optical', 'industrial', 'ups', 'pdu', 'nas', 'storage', 'voip', 'phone', 'host', 'node',
  'advanced', 'general', 'national', 'international', 'american', 'universal', 'united', 'first', 'new', 'applied',
  'interactive', 'intelligent', 'open', 'real', 'time', 'high', 'total', 'direct', 'central', 'virtual', 'mobile',
]);

/** Words after a brand in a registrant's name ("Perle Systems", "Juniper Networks"): the brand alone names it too. */
const COMPANY_WORDS = /\s+(?:systems?|networks?|networking|technolog(?:y|ies)|communications?|electronics?|corporation|corp\.?|inc\.?|ltd\.?|llc|gmbh|ag|s\.?a\.?|co\.?|company|group|labs?|international|solutions?)$/i;

/** Registrants by lower-case whole name, and by brand (the name less its company words): first number wins. */
let byName: Map<string, number> | null = null;

/**
 * The registrant a sysDescr starts with ("Netopia …", "Novell NetWare",
 * "Perle MCR-MGT"): the longest run of its first one to three words that is,
 * case aside, a registrant's whole name or brand, and not a word of the trade.
 * Null when none is.
 */
export function registrantNamedAtStart(text: string): { name: string; enterprise: number } | null {
  if (!byName) {
    const index = new Map<string, number>();
    const brands = new Map<string, number>();
    // The registry's order (by number): the first registrant of a name wins.
    for (const [number, { name }] of allRegistrants()) {
      if (!index.has(name.toLowerCase())) index.set(name.toLowerCase(), number);
      let brand = name;
      while (COMPANY_WORDS.test(brand)) brand = brand.replace(COMPANY_WORDS, '');
      if (brand !== name && !brands.has(brand.toLowerCase())) brands.set(brand.toLowerCase(), number);
    }
    // A whole name outranks a brand: "Dell" the registrant, not the first "Dell …" registered.
    for (const [brand, number] of brands) if (!index.has(brand)) index.set(brand, number);
    byName = index;
  }
  const words = text.trim().split(/[\s,;:()]+/).filter(Boolean).slice(0, 3);
  for (let take = words.length; take >= 1; take--) {
    const candidate = words.slice(0, take).join(' ');
    if (candidate.length < 3 || !/[a-z]/i.test(candidate) || GENERIC_WORDS.has(candidate.toLowerCase())) continue;
    // All-caps words of three letters or fewer are acronyms of anything ("NET", "SAF").
    if (candidate.length <= 3 && candidate === candidate.toUpperCase()) continue;
    const enterprise = byName.get(candidate.toLowerCase());
    if (enterprise !== undefined) return { name: ianaEnterpriseName(enterprise)!, enterprise };
  }
  return null;
}
