/**
 * A scan as the configuration-import CSVs of the PSA and documentation tools
 * MSPs keep their clients' assets in: IT Glue (Configurations) and ConnectWise
 * Manage (Configurations). Column names are those tools' own import
 * templates, as public import scripts write them (IT Glue's are its API's
 * attribute names, snake_case); an instance's template can carry more, and its
 * configuration types and statuses must exist there, so they are Forewarn's
 * plain words ("Switch", "Printer") and "Active", for the import to map.
 */
import type { Device, ScanDocument } from '../scan-document';
import { clean, deviceName, isPlaceholder, typeLabel } from '../assessment/device-label';
import { plainCsv } from './plain-csv';

export type PsaTool = 'itglue' | 'connectwise';

const ITGLUE_COLUMNS = [
  'organization', 'name', 'configuration_type', 'configuration_status', 'hostname', 'primary_ip', 'default_gateway', 'mac_address',
  'serial_number', 'asset_tag', 'manufacturer', 'model', 'operating_system', 'operating_system_notes', 'notes', 'installed_by',
  'purchased_by', 'warranty_expires_at', 'location',
] as const;

const CONNECTWISE_COLUMNS = [
  'Configuration Type', 'Configuration Name', 'Manufacturer Company Name', 'Serial Number', 'Model Number', 'Tag Number', 'Purchase Date',
  'Installed Date', 'Installed By', 'Warranty Date', 'Configuration Status', 'Company Name', 'Contact First Name', 'Contact Last Name',
  'Company Address Site Name', 'Location', 'Group', 'Configuration Notes',
] as const;

/** What Forewarn found, for the notes column: firmware, MAC, the findings and the scan it came from. */
function notes(device: Device, scannedOn: string): string {
  const parts = [
    clean(device.firmware) ? `Firmware ${clean(device.firmware)}` : null,
    device.mac ? `MAC ${device.mac}` : null,
    ...(device.findings ?? []).map((f) => `${f.severity}: ${f.title}`),
    `Found by Forewarn on ${scannedOn}.`,
  ];
  return parts.filter(Boolean).join('\n');
}

export function psaConfigurationsCsv(document: ScanDocument, tool: PsaTool): string {
  const client = clean(document.scan.client) ?? '';
  const site = clean(document.scan.site) ?? '';
  const scannedOn = document.scan.startedAt.slice(0, 10);
  const devices = document.devices.filter((d) => !isPlaceholder(d));
  if (tool === 'itglue') {
    return plainCsv(ITGLUE_COLUMNS, devices.map((d) => {
      const row: Record<(typeof ITGLUE_COLUMNS)[number], string> = {
        organization: client, name: deviceName(d), configuration_type: typeLabel(d.type), configuration_status: 'Active',
        hostname: clean(d.hostname) ?? clean(d.sysName) ?? '', primary_ip: d.ip ?? '', default_gateway: document.scan.gateway ?? '',
        mac_address: d.mac ?? '', serial_number: clean(d.serial) ?? '', asset_tag: '', manufacturer: clean(d.vendor) ?? '', model: clean(d.model) ?? '',
        operating_system: '', operating_system_notes: clean(d.firmware) ?? '', notes: notes(d, scannedOn), installed_by: '', purchased_by: '',
        warranty_expires_at: '', location: clean(d.sysLocation ?? null) ?? site,
      };
      return ITGLUE_COLUMNS.map((c) => row[c]);
    }));
  }
  return plainCsv(CONNECTWISE_COLUMNS, devices.map((d) => {
    const row: Record<(typeof CONNECTWISE_COLUMNS)[number], string> = {
      'Configuration Type': typeLabel(d.type), 'Configuration Name': deviceName(d), 'Manufacturer Company Name': clean(d.vendor) ?? '',
      'Serial Number': clean(d.serial) ?? '', 'Model Number': clean(d.model) ?? '', 'Tag Number': '', 'Purchase Date': '', 'Installed Date': '',
      'Installed By': '', 'Warranty Date': '', 'Configuration Status': 'Active', 'Company Name': client, 'Contact First Name': '', 'Contact Last Name': '',
      'Company Address Site Name': site, Location: clean(d.sysLocation ?? null) ?? '', Group: '', 'Configuration Notes': notes(d, scannedOn),
    };
    return CONNECTWISE_COLUMNS.map((c) => row[c]);
  }));
}
