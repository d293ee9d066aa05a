/** `forewarn export-csv SCAN --out DIR`: inventory.csv and findings.csv. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findingsCsv, inventoryCsv } from '../../../shared/assessment/csv';
import { EXIT, processOutput, UsageError } from '../output';
import { writeFileAtomic } from '../write-file';
import { loadPair } from '../scan-files';

export const EXPORT_CSV_USAGE = `Usage: forewarn export-csv SCAN --out DIR

Writes DIR/inventory.csv (one line per device) and DIR/findings.csv (one line per finding),
with findings re-computed by the current rules.
`;

export async function exportCsvCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    processOutput().out(EXPORT_CSV_USAGE);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one scan file.');
  if (!values.out) throw new UsageError('--out DIR is required.');
  const { document } = await loadPair(positionals[0]!);
  await mkdir(values.out, { recursive: true });
  await writeFileAtomic(join(values.out, 'inventory.csv'), inventoryCsv(document));
  await writeFileAtomic(join(values.out, 'findings.csv'), findingsCsv(document));
  processOutput().err(`Wrote ${join(values.out, 'inventory.csv')} and ${join(values.out, 'findings.csv')}.\n`);
  return EXIT.ok;
}
