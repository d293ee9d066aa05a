/** How a device is named to a reader: its host name, else sysName, else its address. */
import type { DeviceType } from '../device-types';
import type { Device } from '../scan-document';
import { byRiskDescending } from '../health/risk';
import { withoutUnsafeCharacters } from '../untrusted-text';

export function deviceName(device: Pick<Device, 'hostname' | 'sysName' | 'ip' | 'mac' | 'id'>): string {
  return clean(device.hostname) ?? clean(device.sysName) ?? device.ip ?? device.mac ?? device.id;
}

/** Device strings are untrusted: controls and bidi overrides become spaces, and the length is capped. */
export function clean(value: string | null | undefined, max = 120): string | null {
  if (value === null || value === undefined) return null;
  const text = withoutUnsafeCharacters(value, ' ').trim();
  if (!text) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Every device type's reader-facing name; the renderer shows the same words. */
export const TYPE_LABELS: Record<DeviceType, string> = {
  router: 'Router', switch: 'Switch', firewall: 'Firewall', 'access-point': 'Access point', 'wireless-controller': 'Wireless controller', 'network-device': 'Network device',
  printer: 'Printer', ups: 'UPS', pdu: 'PDU', nas: 'NAS', server: 'Server', hypervisor: 'Hypervisor', workstation: 'Workstation',
  phone: 'Phone', camera: 'Camera', iot: 'IoT device', 'environment-sensor': 'Environment sensor', 'unmanaged-switch': 'Unmanaged switch', unknown: 'Unknown',
};

export function typeLabel(type: string): string {
  return TYPE_LABELS[type as DeviceType] ?? type;
}

/** Placeholders the topology invented (unmanaged switches) are not devices anyone scanned. */
export function isPlaceholder(device: Pick<Device, 'type'>): boolean {
  return device.type === 'unmanaged-switch';
}

/** Highest risk first, then by name in natural order (ties read alphabetically in the report and the CSV). */
export function byRiskThenName(a: Device, b: Device): number {
  return byRiskDescending(a, b) || deviceName(a).localeCompare(deviceName(b), undefined, { numeric: true });
}
