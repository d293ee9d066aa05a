/**
 * `forewarn export SCAN --format xlsx|netbox [--out FILE]`: the scan as an
 * Excel workbook (inventory, findings, interfaces) or as NetBox's bulk-import
 * files in one ZIP, the same files the app's Saved scans produce.
 */
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT, processOutput, UsageError } from '../output';
import { writeFileAtomic } from '../write-file';
import { loadPair } from '../scan-files';
import type { ScanDocument } from '../../../shared/scan-document';

export const EXPORT_USAGE = `Usage: forewarn export SCAN --format xlsx|netbox [--out FILE]

  --format xlsx     one Excel workbook: Inventory, Findings and Interfaces sheets
  --format netbox   NetBox bulk-import CSVs (site, manufacturers, roles, device types,
                    devices, interfaces, IP addresses) in one ZIP, with the import order
  --out FILE        where to write (default: the scan's name with .xlsx or _netbox.zip)

Findings are re-computed by the current rules.
`;

/** Each format's file suffix and writer, loaded when asked for (the workbook writer is not needed by a scan). */
const FORMATS: Record<'xlsx' | 'netbox', { suffix: string; make: (document: ScanDocument) => Promise<Buffer> }> = {
  xlsx: { suffix: '.xlsx', make: async (document) => (await import('../../report/workbook')).scanWorkbook(document) },
  netbox: { suffix: '_netbox.zip', make: async (document) => (await import('../../report/netbox-bundle')).netboxBundle(document) },
};
type Format = keyof typeof FORMATS;

function formatOf(value: string | undefined): Format {
  if (value === undefined) throw new UsageError('--format is required: xlsx or netbox.');
  const format = value.toLowerCase();
  if (format !== 'xlsx' && format !== 'netbox') throw new UsageError(`--format ${value} is not known: give xlsx or netbox.`);
  return format;
}

export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    processOutput().out(EXPORT_USAGE);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one scan file.');
  const format = formatOf(values.format);
  const scanPath = positionals[0]!;
  const { document } = await loadPair(scanPath);
  const out = values.out ?? `${basename(scanPath, extname(scanPath))}${FORMATS[format].suffix}`;
  await writeFileAtomic(out, await FORMATS[format].make(document));
  processOutput().err(`Wrote ${out}.\n`);
  return EXIT.ok;
}
