/**
 * The NetBox import files (shared/exports/netbox.ts) in one ZIP, with a
 * README that says in which order to import them and where.
 */
import { strToU8, zipSync } from 'fflate';
import type { ScanDocument } from '../../shared/scan-document';
import { netboxImportFiles } from '../../shared/exports/netbox';

const WHERE: Record<string, string> = {
  '1-sites.csv': 'Organization › Sites',
  '2-manufacturers.csv': 'Devices › Manufacturers',
  '3-device-roles.csv': 'Devices › Device Roles',
  '4-device-types.csv': 'Devices › Device Types',
  '5-devices.csv': 'Devices › Devices',
  '6-interfaces.csv': 'Devices › Interfaces',
  '7-ip-addresses.csv': 'IPAM › IP Addresses',
};

function readme(names: readonly string[]): string {
  return [
    'NetBox import files written by Forewarn.',
    '',
    'Import them in this order, each on its NetBox list with "Import" (upload the file, format CSV).',
    'Later files refer to what earlier ones create by name. Skip a row NetBox already has (a manufacturer, a role).',
    '',
    ...names.map((n) => `  ${n.padEnd(22)} ${WHERE[n] ?? ''}`),
    '',
  ].join('\r\n');
}

export function netboxBundle(document: ScanDocument): Buffer {
  const files = netboxImportFiles(document);
  const entries = Object.fromEntries([
    ['README.txt', strToU8(readme(files.map((f) => f.name)))],
    ...files.map((f) => [f.name, strToU8(f.text)] as const),
  ]);
  return Buffer.from(zipSync(entries, { level: 6 }));
}
