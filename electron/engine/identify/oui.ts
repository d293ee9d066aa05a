/**
 * Vendor from a MAC address's OUI, using the IEEE registries compiled into
 * resources/knowledge/oui.json (tools/knowledge/compile-oui.ts, from the
 * `oui-data` package): loaded on first use, off the import path, and read by
 * binary search (knowledge/sorted-lines.ts).
 * The registry keys MA-S blocks by 9 hex digits and MA-M by 7 beside MA-L's 6:
 * the longest prefix that is registered names the vendor. The MA-L block that
 * holds the small ones is the IEEE's own ("IEEE Registration Authority"), not a vendor.
 */
import { normaliseMac } from '../../../shared/topology/mac';
import { findLine } from '../knowledge/sorted-lines';
import { COMPANY_SUFFIX, OUI_NAME_NORMALISATION } from './rules/oui-names';

export type OuiResult =
  | { kind: 'vendor'; vendor: string; registrant: string; oui: string }
  | { kind: 'randomised'; oui: string }
  | { kind: 'unknown'; oui: string }
  | { kind: 'invalid' };

let registry: Promise<string> | null = null;

/** "PREFIX<TAB>registrant" lines, by prefix. */
function loadRegistry(): Promise<string> {
  registry ??= import('../../../resources/knowledge/oui.json').then((compiled) => compiled.default.registrants);
  return registry;
}

/** 12 upper-case hex digits (the registry's key form) from any common MAC notation, else null. */
export function macHex12(mac: string): string | null {
  return normaliseMac(mac)?.replace(/:/g, '').toUpperCase() ?? null;
}

/** Locally administered bit (0x02 of the first octet): phones' and laptops' private/random MACs. */
export function isLocallyAdministered(mac12: string): boolean {
  return (parseInt(mac12.slice(0, 2), 16) & 0x02) !== 0;
}

export function shortVendorName(registrant: string): string {
  const firstLine = registrant.split(/\r?\n/)[0]!.trim();
  for (const [pattern, name] of OUI_NAME_NORMALISATION) if (pattern.test(firstLine)) return name;
  let name = firstLine;
  for (let i = 0; i < 3 && COMPANY_SUFFIX.test(name); i += 1) name = name.replace(COMPANY_SUFFIX, '').trim();
  return name || firstLine;
}

/** Prefix lengths of the IEEE's blocks, longest first: MA-S (36 bits), MA-M (28), MA-L (24). */
const BLOCK_DIGITS = [9, 7, 6] as const;
const NOT_A_VENDOR = /^(?:private|ieee registration authority)$/i;

export async function lookupOui(mac: string): Promise<OuiResult> {
  const mac12 = macHex12(mac);
  if (!mac12) return { kind: 'invalid' };
  if (isLocallyAdministered(mac12)) return { kind: 'randomised', oui: mac12.slice(0, 6) };
  const table = await loadRegistry();
  for (const digits of BLOCK_DIGITS) {
    const oui = mac12.slice(0, digits);
    const registrant = findLine(table, oui)?.[0];
    if (registrant === undefined) continue;
    if (!registrant || NOT_A_VENDOR.test(registrant)) return { kind: 'unknown', oui };
    return { kind: 'vendor', vendor: shortVendorName(registrant), registrant, oui };
  }
  return { kind: 'unknown', oui: mac12.slice(0, 6) };
}
