/**
 * Compiles the IANA private enterprise registry into resources/knowledge/enterprises.json:
 * every number with its registrant's name cleaned for display ("Sophos Plc" → "Sophos",
 * "Allied Telesis, Inc." → "Allied Telesis", comments and URLs dropped), and the device
 * class the name states where it does ("Socomec Sicon Ups" → ups).
 *
 *   npx tsx tools/knowledge/compile-enterprises.ts REGISTRY [--date YYYY-MM-DD] [--source TEXT]
 *
 * REGISTRY is IANA's `enterprise-numbers` text (number on its own line, then the
 * organisation indented) or Wireshark's `enterprises.tsv` (number TAB name), e.g.
 * /usr/share/wireshark/enterprises.tsv from Debian's libwireshark-data package
 * (`apt-get download libwireshark-data && dpkg-deb -x libwireshark-data_*.deb out`).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cleanOrganisation } from './clean-organisation';
import { classOfRegistrant } from './grammar';
import { registrantNameLines } from './registrant-names';
import { numberOrder, sortedLines } from '../../electron/engine/knowledge/sorted-lines';

function parseRegistry(text: string): Map<number, string> {
  const out = new Map<number, string>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const tsv = /^(\d+)\t+(.+)$/.exec(line);
    if (tsv) {
      out.set(Number(tsv[1]), tsv[2]!.replace(/\t#.*$/, ''));
      continue;
    }
    // IANA text: "N" alone, the organisation on the next (indented) line.
    if (/^\d+$/.test(line) && lines[i + 1] !== undefined && /^\s+\S/.test(lines[i + 1]!)) out.set(Number(line), lines[i + 1]!.trim());
  }
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const path = args.find((a) => !a.startsWith('--'));
  if (!path) {
    console.error('usage: tsx tools/knowledge/compile-enterprises.ts REGISTRY [--date YYYY-MM-DD] [--source TEXT]');
    process.exit(2);
  }
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const text = await readFile(path, 'utf8');
  const date = option('--date') ?? /last updated (\d{4}-\d{2}-\d{2})/.exec(text)?.[1] ?? 'unknown';
  const registry = parseRegistry(text);
  const rows: string[][] = [];
  const names: Array<[number, string]> = [];
  for (const [n, name] of registry) {
    const clean = cleanOrganisation(name);
    if (!clean || /^(?:reserved|unassigned)$/i.test(clean)) continue;
    const cls = classOfRegistrant(clean);
    rows.push(cls ? [String(n), clean, cls] : [String(n), clean]);
    names.push([n, clean]);
  }
  const out = {
    source: option('--source') ?? `IANA Private Enterprise Numbers (https://www.iana.org/assignments/enterprise-numbers), via ${path}`,
    date,
    count: rows.length,
    // One "N<TAB>name[<TAB>class]" line per enterprise (the class its name states, see grammar.ts), by number:
    // the engine reads it by binary search (knowledge/sorted-lines.ts), with no parsing when it loads.
    entries: sortedLines(rows, numberOrder),
    // Registrants by lower-case name and brand, for the names a sysDescr starts with (registrant-names.ts).
    names: registrantNameLines(names),
  };
  await writeFile('resources/knowledge/enterprises.json', `${JSON.stringify(out, null, 1)}\n`);
  console.log(`${rows.length} enterprises (registry of ${date}) → resources/knowledge/enterprises.json`);
}

await main();
