/** Words and numbers as a technician reads them. Pure functions, no DOM. */
import type { DeviceType } from '../../shared/device-types';
import type { Device, ScanStatus } from '../../shared/scan-document';
import type { ScanPhase } from '../../shared/scan-events';

export const PHASE_LABELS: Record<ScanPhase, string> = {
  targets: 'Preparing targets',
  discovery: 'Finding devices',
  snmp: 'Querying SNMP',
  identify: 'Identifying devices',
  health: 'Reading hardware health',
  topology: 'Mapping the network',
  done: 'Finished',
};

/** What a phase's done/total counts. */
export const PHASE_UNITS: Record<ScanPhase, string> = {
  targets: 'targets',
  discovery: 'addresses',
  snmp: 'devices queried',
  identify: 'devices identified',
  health: 'devices checked',
  topology: 'devices mapped',
  done: 'devices',
};

export const STATUS_LABELS: Record<ScanStatus, string> = {
  running: 'Running',
  completed: 'Completed',
  cancelled: 'Cancelled',
  failed: 'Failed',
  interrupted: 'Interrupted',
};

export const DEVICE_TYPE_LABELS: Record<DeviceType, string> = {
  router: 'Router',
  switch: 'Switch',
  firewall: 'Firewall',
  'access-point': 'Access point',
  'wireless-controller': 'Wireless controller',
  printer: 'Printer',
  ups: 'UPS',
  pdu: 'PDU',
  nas: 'NAS',
  server: 'Server',
  hypervisor: 'Hypervisor',
  workstation: 'Workstation',
  phone: 'Phone',
  camera: 'Camera',
  iot: 'IoT device',
  'environment-sensor': 'Environment sensor',
  'unmanaged-switch': 'Unmanaged switch',
  unknown: 'Unknown',
};

/** "45 s", "3 min", "1 h 20 min": precise enough for an ETA, never false precision. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function formatEta(etaMs: number | null): string {
  if (etaMs === null) return 'Estimating time left…';
  if (etaMs < 1000) return 'Almost done';
  return `About ${formatDuration(etaMs)} left`;
}

/** The name a technician knows the device by. */
export function deviceName(device: Device): string {
  return device.hostname ?? device.sysName ?? '';
}

/** Sort key that orders IPv4 addresses numerically (10.0.0.9 before 10.0.0.10). */
export function ipSortKey(ip: string | null): string {
  if (!ip) return '~';
  const parts = ip.split('.');
  if (parts.length !== 4) return ip;
  return parts.map((p) => p.padStart(3, '0')).join('.');
}
