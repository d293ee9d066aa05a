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
import { EXPORT_FORMATS } from '../../report/export-formats';
import type { ExportFormatName } from '../../../shared/exports/formats';

export const EXPORT_USAGE = `Usage: forewarn export SCAN --format xlsx|netbox|itglue|connectwise [--out FILE]

  --format xlsx          one Excel workbook: Inventory, Findings and Interfaces sheets
  --format netbox        NetBox bulk-import CSVs (site, manufacturers, roles, device types,
                         devices, interfaces, IP addresses) in one ZIP, with the import order
  --format itglue        IT Glue's configurations import CSV
  --format connectwise   ConnectWise Manage's configurations import CSV
  --out FILE             where to write (default: the scan's name with the format's suffix)

Findings are re-computed by the current rules.
`;

const FORMAT_NAMES = Object.keys(EXPORT_FORMATS).join(', ');

function formatOf(value: string | undefined): ExportFormatName {
  if (value === undefined) throw new UsageError(`--format is required: ${FORMAT_NAMES}.`);
  const format = value.toLowerCase();
  if (!(format in EXPORT_FORMATS)) throw new UsageError(`--format ${value} is not known: give ${FORMAT_NAMES}.`);
  return format as ExportFormatName;
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
  const out = values.out ?? `${basename(scanPath, extname(scanPath))}${EXPORT_FORMATS[format].suffix}`;
  await writeFileAtomic(out, await EXPORT_FORMATS[format].make(document));
  processOutput().err(`Wrote ${out}.\n`);
  return EXIT.ok;
}
