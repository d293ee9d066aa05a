/** Words and numbers as a technician reads them. Pure functions, no DOM. */
import { formatBytes as formatSize } from '../../shared/format-bytes';
import type { DeviceType } from '../../shared/device-types';
import { deviceName, isPlaceholder, typeLabel, TYPE_LABELS } from '../../shared/assessment/device-label';
import type { Device, ScanStatus } from '../../shared/scan-document';
import type { ScanPhase } from '../../shared/scan-events';

export const PHASE_LABELS: Record<ScanPhase, string> = {
  targets: 'Preparing targets',
  discovery: 'Finding devices',
  identify: 'Identifying devices',
  assess: 'Identifying devices, reading health and wiring',
  done: 'Finished',
};

/** What a phase's done/total counts. */
export const PHASE_UNITS: Record<ScanPhase, string> = {
  targets: 'targets',
  discovery: 'addresses',
  identify: 'devices identified',
  assess: 'devices assessed',
  done: 'devices',
};

export const STATUS_LABELS: Record<ScanStatus, string> = {
  running: 'Running',
  completed: 'Completed',
  cancelled: 'Cancelled',
  failed: 'Failed',
  interrupted: 'Interrupted',
};

/** Same words as the report and the CSV. */
export const DEVICE_TYPE_LABELS: Record<DeviceType, string> = TYPE_LABELS;

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

/** The name the device gave itself (host name, else sysName); empty when it gave none (the Name column stays blank). */
export function knownName(device: Device): string {
  return device.hostname ?? device.sysName ?? '';
}

/** Sort key that orders IPv4 addresses numerically (10.0.0.9 before 10.0.0.10). */
export function ipSortKey(ip: string | null): string {
  if (!ip) return '~';
  const parts = ip.split('.');
  if (parts.length !== 4) return ip;
  return parts.map((p) => p.padStart(3, '0')).join('.');
}

export { SEVERITY_LABELS } from '../../shared/health/schema';

/** Risk score bands: the same scale as the PDF report (shared/health/risk.ts). */
export { riskBand, type RiskBand } from '../../shared/health/risk';

/** "3 d 4 h", "47 min", "2 y 40 d": how long a device has been up, in the largest units that matter. */
export function formatUptime(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return '';
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days >= 365) return `${Math.floor(days / 365)} y ${days % 365} d`;
  if (days >= 10) return `${days} days`;
  if (days >= 1) return `${days} d ${hours % 24} h`;
  if (hours >= 1) return `${hours} h ${minutes % 60} min`;
  return `${minutes} min`;
}

/** Empty for unknown sizes; otherwise the shared formatter (shared/format-bytes.ts). */
export function formatBytes(bytes: number | null | undefined): string {
  return bytes == null || !Number.isFinite(bytes) ? '' : formatSize(bytes);
}

/** "1 Gb/s", "100 Mb/s". */
export function formatSpeed(mbps: number | null | undefined): string {
  if (mbps == null || mbps <= 0) return '';
  return mbps >= 1000 ? `${mbps / 1000} Gb/s` : `${mbps} Mb/s`;
}

/** An ISO date as "12 Mar 2027" (the technician's locale decides the order). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Date(time).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The label a device is shown by anywhere a name is needed: the report's naming (name, else address), placeholders by their kind. */
export function deviceLabel(device: Device): string {
  return isPlaceholder(device) ? typeLabel(device.type) : deviceName(device);
}

/** Host messages usually end with a full stop; ours follow them. */
export function sentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
