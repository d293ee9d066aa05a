/**
 * The registry's index by name, compiled beside it (enterprises.json "names"):
 * each registrant's whole name, and its brand (the name less its company words:
 * "Perle Systems" → "perle"), lower-cased, with the number it names. The engine
 * looks up the first words of a sysDescr in it (knowledge/enterprises.ts).
 */
import { sortedLines } from '../../electron/engine/knowledge/sorted-lines';

/** Words after a brand in a registrant's name ("Perle Systems", "Juniper Networks"): the brand alone names it too. */
const COMPANY_WORDS = /\s+(?:systems?|networks?|networking|technolog(?:y|ies)|communications?|electronics?|corporation|corp\.?|inc\.?|ltd\.?|llc|gmbh|ag|s\.?a\.?|co\.?|company|group|labs?|international|solutions?)$/i;

/**
 * "name<TAB>number" lines sorted by name. The first registrant of a name wins
 * (the registry's order, by number), and a whole name outranks a brand: "Dell"
 * the registrant, not the first "Dell …" registered.
 */
export function registrantNameLines(registrants: Iterable<readonly [number, string]>): string {
  const byName = new Map<string, number>();
  const byBrand = new Map<string, number>();
  for (const [number, name] of [...registrants].sort((a, b) => a[0] - b[0])) {
    if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), number);
    let brand = name;
    while (COMPANY_WORDS.test(brand)) brand = brand.replace(COMPANY_WORDS, '');
    if (brand !== name && !byBrand.has(brand.toLowerCase())) byBrand.set(brand.toLowerCase(), number);
  }
  for (const [brand, number] of byBrand) if (!byName.has(brand)) byName.set(brand, number);
  return sortedLines([...byName].map(([name, number]) => [name, String(number)]));
}
