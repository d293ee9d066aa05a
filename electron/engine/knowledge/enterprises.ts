/**
 * The IANA private enterprise registry, compiled by tools/knowledge/compile-enterprises.ts
 * into resources/knowledge/enterprises.json: who registered 1.3.6.1.4.1.N, for any N,
 * and the registrants by name. Both are sorted tables read by binary search
 * (sorted-lines.ts); load them with loadKnowledge() first.
 */
import type { DeviceType } from '../../../shared/device-types';
import { knowledgeTables } from './load';
import { findLine, numberOrder } from './sorted-lines';

interface Registrant {
  name: string;
  /** The device class the registrant's name states ("… Ups" → ups), compiled with the table. */
  type: DeviceType | null;
}

function registrant(n: number): Registrant | null {
  const fields = Number.isSafeInteger(n) ? findLine(knowledgeTables().registry.entries, String(n), numberOrder) : null;
  return fields ? { name: fields[0]!, type: (fields[1] as DeviceType | undefined) ?? null } : null;
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

/**
 * The registrant a sysDescr starts with ("Netopia …", "Novell NetWare",
 * "Perle MCR-MGT"): the longest run of its first one to three words that is,
 * case aside, a registrant's whole name or brand, and not a word of the trade.
 * Null when none is.
 */
export function registrantNamedAtStart(text: string): { name: string; enterprise: number } | null {
  const words = text.trim().split(/[\s,;:()]+/).filter(Boolean).slice(0, 3);
  for (let take = words.length; take >= 1; take--) {
    const candidate = words.slice(0, take).join(' ');
    if (candidate.length < 3 || !/[a-z]/i.test(candidate) || GENERIC_WORDS.has(candidate.toLowerCase())) continue;
    // All-caps words of three letters or fewer are acronyms of anything ("NET", "SAF").
    if (candidate.length <= 3 && candidate === candidate.toUpperCase()) continue;
    const named = findLine(knowledgeTables().registry.names, candidate.toLowerCase());
    if (named) {
      const enterprise = Number(named[0]);
      return { name: ianaEnterpriseName(enterprise)!, enterprise };
    }
  }
  return null;
}
