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
import { psaConfigurationsCsv } from '../../../shared/exports/psa-csv';

export const EXPORT_USAGE = `Usage: forewarn export SCAN --format xlsx|netbox|itglue|connectwise [--out FILE]

  --format xlsx          one Excel workbook: Inventory, Findings and Interfaces sheets
  --format netbox        NetBox bulk-import CSVs (site, manufacturers, roles, device types,
                         devices, interfaces, IP addresses) in one ZIP, with the import order
  --format itglue        IT Glue's configurations import CSV
  --format connectwise   ConnectWise Manage's configurations import CSV
  --out FILE             where to write (default: the scan's name with the format's suffix)

Findings are re-computed by the current rules.
`;

/** Each format's file suffix and writer, loaded when asked for (the workbook writer is not needed by a scan). */
const FORMATS = {
  xlsx: { suffix: '.xlsx', make: async (document: ScanDocument) => (await import('../../report/workbook')).scanWorkbook(document) },
  netbox: { suffix: '_netbox.zip', make: async (document: ScanDocument) => (await import('../../report/netbox-bundle')).netboxBundle(document) },
  itglue: { suffix: '_itglue.csv', make: async (document: ScanDocument) => Buffer.from(psaConfigurationsCsv(document, 'itglue'), 'utf8') },
  connectwise: { suffix: '_connectwise.csv', make: async (document: ScanDocument) => Buffer.from(psaConfigurationsCsv(document, 'connectwise'), 'utf8') },
} satisfies Record<string, { suffix: string; make: (document: ScanDocument) => Promise<Buffer> }>;
type Format = keyof typeof FORMATS;

const FORMAT_NAMES = Object.keys(FORMATS).join(', ');

function formatOf(value: string | undefined): Format {
  if (value === undefined) throw new UsageError(`--format is required: ${FORMAT_NAMES}.`);
  const format = value.toLowerCase();
  if (!(format in FORMATS)) throw new UsageError(`--format ${value} is not known: give ${FORMAT_NAMES}.`);
  return format as Format;
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
