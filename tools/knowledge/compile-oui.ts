/**
 * Compiles the IEEE's MAC address block registries (MA-L, MA-M and MA-S, as the
 * `oui-data` npm package ships them) into resources/knowledge/oui.json: each
 * block's prefix (6, 7 or 9 hex digits) with its registrant's name, the first line
 * of the entry (the rest is a postal address nothing shows), as sorted lines the
 * engine reads by binary search (electron/engine/knowledge/sorted-lines.ts).
 *
 *   npx tsx tools/knowledge/compile-oui.ts
 *
 * oui-data is a development dependency: after updating it, run this and commit
 * both (tests/unit/identify/oui.test.ts fails while they disagree).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sortedLines } from '../../electron/engine/knowledge/sorted-lines';

async function main(): Promise<void> {
  const require = createRequire(import.meta.url);
  const path = require.resolve('oui-data');
  const registry = JSON.parse(await readFile(path, 'utf8')) as Record<string, string>;
  const { version } = JSON.parse(await readFile(join(dirname(path), 'package.json'), 'utf8')) as { version: string };
  const rows = Object.entries(registry).map(([prefix, entry]) => [prefix, entry.split(/\r?\n/)[0]!.trim()]);
  const out = {
    source: `IEEE MA-L, MA-M and MA-S registries, as npm oui-data ${version} ships them`,
    version,
    count: rows.length,
    // "PREFIX<TAB>registrant" lines, by prefix.
    registrants: sortedLines(rows),
  };
  await writeFile('resources/knowledge/oui.json', `${JSON.stringify(out, null, 1)}\n`);
  console.log(`${rows.length} blocks from oui-data ${version} → resources/knowledge/oui.json`);
}

await main();
