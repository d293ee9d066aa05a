/**
 * A scan as NetBox bulk-import files, in the order NetBox needs them: the
 * site, the manufacturers, device roles and device types a device refers to,
 * the devices, then one management interface per device and its IP address
 * (primary). Column names are NetBox's own import-form fields (dcim and ipam
 * `*ImportForm`, netbox-community/netbox at 43fe81f9, 2026-08-22); references
 * go by name, as NetBox resolves them. Import each file with Import → CSV data
 * (or upload) on the matching NetBox list, in file order.
 */
import type { Device, ScanDocument } from '../scan-document';
import { clean, deviceName, isPlaceholder, typeLabel } from '../assessment/device-label';
import { plainCsv, type PlainCell } from './plain-csv';

export interface ExportFile {
  name: string;
  text: string;
}

/** NetBox slugs: lower-case letters, digits, dashes and underscores, at most 100. */
export function netboxSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  return slug || 'unnamed';
}

/** Role colours (NetBox's colour field: six hex digits, no "#"), by what the device is. */
const ROLE_COLOURS: Record<string, string> = {
  Router: '2196f3', Switch: '4caf50', Firewall: 'f44336', 'Access point': '00bcd4', 'Wireless controller': '009688', 'Network device': '607d8b',
  Printer: '9c27b0', UPS: 'ff9800', PDU: 'ff5722', NAS: '795548', Server: '3f51b5', Hypervisor: '673ab7', Workstation: '8bc34a',
  Phone: 'cddc39', Camera: 'ffc107', 'IoT device': '9e9e9e', 'Environment sensor': '03a9f4', Unknown: '9e9e9e',
};

const UNKNOWN_MAKER = 'Unknown';

interface NetboxDevice {
  device: Device;
  name: string;
  role: string;
  manufacturer: string;
  model: string;
}

/** NetBox names are unique per site: a second "printer" becomes "printer (10.0.0.7)". */
function uniqueNames(devices: readonly Device[]): Map<Device, string> {
  const names = new Map(devices.map((d) => [d, clean(deviceName(d), 64) ?? d.id] as const));
  const count = new Map<string, number>();
  for (const name of names.values()) count.set(name.toLowerCase(), (count.get(name.toLowerCase()) ?? 0) + 1);
  return new Map(
    [...names].map(([d, name]) => [d, (count.get(name.toLowerCase()) ?? 0) > 1 && d.ip && name !== d.ip ? `${name} (${d.ip})` : name]),
  );
}

function netboxDevices(document: ScanDocument): NetboxDevice[] {
  const devices = document.devices.filter((d) => !isPlaceholder(d));
  const names = uniqueNames(devices);
  return devices.map((device) => {
    const role = typeLabel(device.type);
    // A device type is a maker's model; an unknown model is named for its class, so it still imports.
    const manufacturer = clean(device.vendor, 100) ?? UNKNOWN_MAKER;
    const model = clean(device.model, 100) ?? `Unidentified ${role.toLowerCase()}`;
    return { device, name: names.get(device)!, role, manufacturer, model };
  });
}

/** The prefix length of the scanned subnet holding the address (NetBox stores addresses with one), else /32. */
function prefixLength(ip: string, targets: readonly string[]): number {
  const toNumber = (a: string) => a.split('.').reduce((n, part) => n * 256 + Number(part), 0);
  const address = toNumber(ip);
  let best = 32;
  for (const target of targets) {
    const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(target.trim());
    if (!m) continue;
    const bits = Number(m[2]);
    const size = 2 ** (32 - bits);
    const network = Math.floor(toNumber(m[1]!) / size) * size;
    if (address >= network && address < network + size && bits < best) best = bits;
  }
  return best;
}

const distinct = <T>(items: readonly T[], key: (item: T) => string): T[] => [...new Map(items.map((i) => [key(i), i])).values()];

/** The files to import, numbered in import order. */
export function netboxImportFiles(document: ScanDocument): ExportFile[] {
  const site = clean(document.scan.site, 100) ?? clean(document.scan.client, 100) ?? 'Scanned site';
  const devices = netboxDevices(document);
  const scanned = document.scan.startedAt.slice(0, 10);
  const file = (name: string, header: readonly string[], rows: PlainCell[][]): ExportFile => ({ name, text: plainCsv(header, rows) });

  const addressed = devices.filter((d) => d.device.ip && /^\d+\.\d+\.\d+\.\d+$/.test(d.device.ip));
  return [
    file('1-sites.csv', ['name', 'slug', 'status', 'description'], [[site, netboxSlug(site), 'active', document.scan.client ? `${clean(document.scan.client, 80)}; scanned by Forewarn ${scanned}` : `Scanned by Forewarn ${scanned}`]]),
    file('2-manufacturers.csv', ['name', 'slug'], distinct(devices, (d) => d.manufacturer.toLowerCase()).map((d) => [d.manufacturer, netboxSlug(d.manufacturer)])),
    file('3-device-roles.csv', ['name', 'slug', 'color'], distinct(devices, (d) => d.role).map((d) => [d.role, netboxSlug(d.role), ROLE_COLOURS[d.role] ?? '9e9e9e'])),
    file(
      '4-device-types.csv',
      ['manufacturer', 'model', 'slug'],
      // A model's slug is unique per maker; prefixing the maker keeps it unique across makers too, as NetBox's device-type library does.
      distinct(devices, (d) => `${d.manufacturer}\u0000${d.model}`.toLowerCase()).map((d) => [d.manufacturer, d.model, netboxSlug(`${d.manufacturer}-${d.model}`)]),
    ),
    file(
      '5-devices.csv',
      ['name', 'role', 'manufacturer', 'device_type', 'status', 'site', 'serial', 'description', 'comments'],
      devices.map((d) => [
        d.name, d.role, d.manufacturer, d.model, 'active', site, clean(d.device.serial, 50) ?? '',
        [clean(d.device.firmware, 80) ? `Firmware ${clean(d.device.firmware, 80)}` : null, d.device.mac ? `MAC ${d.device.mac}` : null].filter(Boolean).join('; ').slice(0, 200),
        (d.device.findings ?? []).map((f) => `${f.severity}: ${f.title}`).join('\n'),
      ]),
    ),
    file('6-interfaces.csv', ['device', 'name', 'type', 'mgmt_only', 'description'], addressed.map((d) => [d.name, 'mgmt', 'other', 'true', `Management address found by Forewarn ${scanned}`])),
    file(
      '7-ip-addresses.csv',
      ['address', 'status', 'device', 'interface', 'is_primary', 'dns_name'],
      addressed.map((d) => [`${d.device.ip}/${prefixLength(d.device.ip!, document.scan.targets)}`, 'active', d.name, 'mgmt', 'true', dnsName(d.device.hostname)]),
    ),
  ];
}

/** NetBox accepts a DNS name of letters, digits, dots, dashes, underscores and "*"; anything else is left out. */
function dnsName(hostname: string | null): string {
  return hostname && /^[A-Za-z0-9_*.-]{1,255}$/.test(hostname) ? hostname : '';
}
