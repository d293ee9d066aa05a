/**
 * report:export: a saved scan as an Excel workbook, NetBox's bulk-import files, and IT Glue's and ConnectWise's CSVs.
 * Both are read back by real parsers: read-excel-file for the workbook, fflate's unzip and csv-parse for
 * the NetBox ZIP, whose headers are checked against NetBox's own import forms.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import type { ScanDocument } from '../../../shared/scan-document';
import { createLibraryHandlers } from '../../../electron/host/library/library-handlers';
import { createMemoryKeyValueStore } from '../../../electron/host/library/key-value-store';
import { ScanLibrary } from '../../../electron/host/library/scan-library';
import { syntheticOffice } from '../assessment/synthetic-office';

let dir: string;
let library: ScanLibrary;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'forewarn-exports-handler-'));
  library = await ScanLibrary.open({ dir, index: createMemoryKeyValueStore() });
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const handlers = () => createLibraryHandlers({ library, renderPdf: async () => Buffer.alloc(0) }, () => DEFAULT_SETTINGS);
const bytes = (file: { dataBase64?: string | null }) => Buffer.from(file.dataBase64 ?? '', 'base64');

/** The office with one hostile name (a formula) and two devices that share a name. */
function office(): ScanDocument {
  const doc = syntheticOffice();
  doc.devices[0]!.hostname = '=HYPERLINK("http://evil","x")';
  doc.devices[1]!.hostname = 'printer';
  doc.devices[2]!.hostname = 'printer';
  return doc;
}

describe('report:export, xlsx', () => {
  it('writes inventory, findings and interfaces sheets that Excel readers open, typed and with hostile text kept as text', async () => {
    const doc = office();
    await library.save(doc);
    const file = await handlers()['report:export'](doc.scan.id, 'xlsx');
    expect(file.fileName).toMatch(/^Harbour-Dental-Practice_Main-office_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheets = await readXlsxFile(bytes(file));
    expect(sheets.map((s) => s.sheet)).toEqual(['Inventory', 'Findings', 'Interfaces']);
    const [inventory, findings, interfaces] = sheets.map((s) => s.data);
    expect(inventory![0]).toEqual(expect.arrayContaining(['Name', 'IP address', 'MAC address', 'Serial number', 'Risk score']));
    const devices = doc.devices.filter((d) => d.type !== 'unmanaged-switch');
    expect(inventory!.length - 1).toBe(devices.length);
    // The formula is a string cell: read back as the same text, not as a computed value.
    expect(inventory!.flat()).toContain('=HYPERLINK("http://evil","x")');
    // Numbers are numbers (a sortable risk score), not text.
    const risk = inventory![0]!.indexOf('Risk score');
    expect(inventory!.slice(1).every((row) => typeof row[risk] === 'number')).toBe(true);
    // Findings are re-checked when a scan is opened: count those of the document as the app exports it.
    const opened = JSON.parse(bytes(await handlers()['report:json'](doc.scan.id)).toString('utf8')) as ScanDocument;
    const findingCount = opened.devices.reduce((n, d) => n + (d.findings?.length ?? 0), 0);
    expect(findingCount).toBeGreaterThan(0);
    expect(findings!.length - 1).toBe(findingCount);
    const interfaceCount = devices.reduce((n, d) => n + (d.interfaces?.length ?? 0), 0);
    expect(interfaceCount).toBeGreaterThan(0);
    expect(interfaces!.length - 1).toBe(interfaceCount);
    expect(interfaces![0]).toEqual(expect.arrayContaining(['Device', 'Interface', 'Speed (Mb/s)', 'In errors', 'Connected to']));
  });
});

/** NetBox's import-form fields (netbox-community/netbox 43fe81f9, dcim and ipam forms/bulk_import.py), and those each form requires. */
const NETBOX_FORMS: Record<string, { fields: string[]; required: string[] }> = {
  '1-sites.csv': { fields: ['name', 'slug', 'status', 'region', 'group', 'tenant', 'facility', 'time_zone', 'description', 'physical_address', 'shipping_address', 'latitude', 'longitude', 'owner', 'comments', 'tags'], required: ['name', 'slug', 'status'] },
  '2-manufacturers.csv': { fields: ['name', 'slug', 'description', 'owner', 'comments', 'tags'], required: ['name', 'slug'] },
  '3-device-roles.csv': { fields: ['name', 'slug', 'parent', 'color', 'vm_role', 'config_template', 'description', 'owner', 'comments', 'tags'], required: ['name', 'slug'] },
  '4-device-types.csv': { fields: ['manufacturer', 'default_platform', 'model', 'slug', 'part_number', 'u_height', 'exclude_from_utilization', 'is_full_depth', 'subdevice_role', 'airflow', 'description', 'weight', 'weight_unit', 'owner', 'comments', 'tags'], required: ['manufacturer', 'model', 'slug'] },
  '5-devices.csv': { fields: ['name', 'role', 'tenant', 'manufacturer', 'device_type', 'platform', 'serial', 'asset_tag', 'status', 'site', 'location', 'rack', 'position', 'face', 'latitude', 'longitude', 'parent', 'device_bay', 'airflow', 'virtual_chassis', 'vc_position', 'vc_priority', 'cluster', 'description', 'config_template', 'owner', 'comments', 'tags'], required: ['role', 'manufacturer', 'device_type', 'status', 'site'] },
  '6-interfaces.csv': { fields: ['device', 'name', 'label', 'parent', 'bridge', 'lag', 'type', 'speed', 'duplex', 'enabled', 'mark_connected', 'wwn', 'vdcs', 'mtu', 'mgmt_only', 'description', 'poe_mode', 'poe_type', 'mode', 'vlan_group', 'untagged_vlan', 'tagged_vlans', 'qinq_svlan', 'vrf', 'rf_role', 'rf_channel', 'rf_channel_frequency', 'rf_channel_width', 'tx_power', 'owner', 'tags'], required: ['device', 'name', 'type'] },
  '7-ip-addresses.csv': { fields: ['address', 'vrf', 'tenant', 'status', 'role', 'device', 'virtual_machine', 'interface', 'fhrp_group', 'is_primary', 'is_oob', 'dns_name', 'description', 'owner', 'comments', 'tags'], required: ['address', 'status'] },
};

describe('report:export, netbox', () => {
  it('writes NetBox\'s import files in order, with its own column names and every reference resolvable', async () => {
    const doc = office();
    await library.save(doc);
    const file = await handlers()['report:export'](doc.scan.id, 'netbox');
    expect(file.fileName).toMatch(/_netbox\.zip$/);
    const zip = unzipSync(new Uint8Array(bytes(file)));
    expect(Object.keys(zip)).toEqual(['README.txt', ...Object.keys(NETBOX_FORMS)]);
    const tables = Object.fromEntries(
      Object.keys(NETBOX_FORMS).map((name) => [name, parse(strFromU8(zip[name]!), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>]),
    );
    for (const [name, form] of Object.entries(NETBOX_FORMS)) {
      const header = Object.keys(tables[name]![0] ?? {});
      expect(form.fields, name).toEqual(expect.arrayContaining(header));
      for (const row of tables[name]!) for (const column of form.required) expect(row[column], `${name} ${column}`).toBeTruthy();
    }

    const devices = tables['5-devices.csv']!;
    expect(devices).toHaveLength(doc.devices.filter((d) => d.type !== 'unmanaged-switch').length);
    // Names are unique in the site (NetBox refuses a second "printer"), and references resolve by name.
    expect(new Set(devices.map((d) => d.name)).size).toBe(devices.length);
    expect(devices.filter((d) => d.name!.startsWith('printer'))).toHaveLength(2);
    const names = (table: string, column: string) => new Set(tables[table]!.map((r) => r[column]));
    for (const d of devices) {
      expect(names('2-manufacturers.csv', 'name').has(d.manufacturer)).toBe(true);
      expect(names('3-device-roles.csv', 'name').has(d.role)).toBe(true);
      expect(tables['4-device-types.csv']!.some((t) => t.manufacturer === d.manufacturer && t.model === d.device_type)).toBe(true);
      expect(names('1-sites.csv', 'name').has(d.site)).toBe(true);
    }
    // A hostile name is data to NetBox, kept as it is (no spreadsheet apostrophe).
    expect(devices.some((d) => d.name === '=HYPERLINK("http://evil","x")')).toBe(true);
    // Slugs are what NetBox accepts; every address carries its scanned subnet's prefix and sits on its device's interface.
    for (const row of [...tables['2-manufacturers.csv']!, ...tables['3-device-roles.csv']!, ...tables['4-device-types.csv']!]) expect(row.slug).toMatch(/^[a-z0-9_-]+$/);
    for (const ip of tables['7-ip-addresses.csv']!) {
      expect(ip.address).toMatch(/^\d+\.\d+\.\d+\.\d+\/(?:[0-9]|[12]\d|3[0-2])$/);
      expect(tables['6-interfaces.csv']!.some((i) => i.device === ip.device && i.name === ip.interface)).toBe(true);
    }
    expect(strFromU8(zip['README.txt']!)).toMatch(/Import them in this order/);
  });
});

describe('report:export, itglue and connectwise', () => {
  it('writes IT Glue\'s and ConnectWise Manage\'s configuration-import CSVs, one row a device, with their template\'s column names', async () => {
    const doc = office();
    await library.save(doc);
    const devices = doc.devices.filter((d) => d.type !== 'unmanaged-switch');
    const itglue = await handlers()['report:export'](doc.scan.id, 'itglue');
    expect(itglue.fileName).toMatch(/_itglue\.csv$/);
    const rows = parse(bytes(itglue).toString('utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual(['organization', 'name', 'configuration_type', 'configuration_status', 'hostname', 'primary_ip', 'default_gateway', 'mac_address', 'serial_number', 'asset_tag', 'manufacturer', 'model', 'operating_system', 'operating_system_notes', 'notes', 'installed_by', 'purchased_by', 'warranty_expires_at', 'location']);
    expect(rows).toHaveLength(devices.length);
    const first = devices.find((d) => d.serial)!;
    expect(rows.find((r) => r.serial_number === first.serial)).toMatchObject({ organization: 'Harbour Dental Practice', configuration_status: 'Active', primary_ip: first.ip });
    const cw = parse(bytes(await handlers()['report:export'](doc.scan.id, 'connectwise')).toString('utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(cw[0]!)).toEqual(['Configuration Type', 'Configuration Name', 'Manufacturer Company Name', 'Serial Number', 'Model Number', 'Tag Number', 'Purchase Date', 'Installed Date', 'Installed By', 'Warranty Date', 'Configuration Status', 'Company Name', 'Contact First Name', 'Contact Last Name', 'Company Address Site Name', 'Location', 'Group', 'Configuration Notes']);
    expect(cw).toHaveLength(devices.length);
    expect(cw.every((r) => r['Company Name'] === 'Harbour Dental Practice' && r['Company Address Site Name'] === 'Main office')).toBe(true);
    // A hostile name is data to the importer, kept as it is.
    expect(cw.some((r) => r['Configuration Name'] === '=HYPERLINK("http://evil","x")')).toBe(true);
  });
});
