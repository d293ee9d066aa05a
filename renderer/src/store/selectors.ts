/** Derived views of the scan on screen: filters, top findings, counts. Pure, memoised by the callers. */
import type { DeviceType } from '../../../shared/device-types';
import { SEVERITY_ORDER, type Finding, type Severity } from '../../../shared/health/schema';
import { byRiskDescending } from '../../../shared/health/risk';
import { topFinding } from '../../../shared/health/top-finding';
import type { Device } from '../../../shared/scan-document';
import { DEVICE_TYPE_LABELS, knownName } from '../format';

export interface DeviceFilter {
  query: string;
  type: DeviceType | 'all';
  /** Devices with at least one finding this severe or worse. */
  severity: Severity | 'all';
}

export const EMPTY_DEVICE_FILTER: DeviceFilter = { query: '', type: 'all', severity: 'all' };

export const SEVERITIES_DESCENDING: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export { topFinding };

export function worstSeverity(device: Device): Severity | null {
  return topFinding(device)?.severity ?? null;
}

export function filterDevices(devices: readonly Device[], filter: DeviceFilter): readonly Device[] {
  const needle = filter.query.trim().toLowerCase();
  if (needle === '' && filter.type === 'all' && filter.severity === 'all') return devices;
  const minSeverity = filter.severity === 'all' ? null : SEVERITY_ORDER[filter.severity];
  return devices.filter((d) => {
    if (filter.type !== 'all' && d.type !== filter.type) return false;
    if (minSeverity !== null) {
      const worst = worstSeverity(d);
      if (worst === null || SEVERITY_ORDER[worst] < minSeverity) return false;
    }
    if (needle === '') return true;
    return [d.ip, knownName(d), d.vendor, DEVICE_TYPE_LABELS[d.type], d.model, d.firmware, d.mac, topFinding(d)?.title].some((field) =>
      field?.toLowerCase().includes(needle),
    );
  });
}

export type SeverityCounts = Record<Severity, number>;

export function countFindings(devices: readonly Device[]): SeverityCounts {
  const counts: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const d of devices) for (const f of d.findings ?? []) counts[f.severity] += 1;
  return counts;
}

export interface SiteFinding {
  device: Device;
  finding: Finding;
}

/** Every finding of the site, most severe first, then the riskier device first. */
export function siteFindings(devices: readonly Device[], minSeverity: Severity = 'low'): SiteFinding[] {
  const min = SEVERITY_ORDER[minSeverity];
  const out: SiteFinding[] = [];
  for (const device of devices) for (const finding of device.findings ?? []) if (SEVERITY_ORDER[finding.severity] >= min) out.push({ device, finding });
  return out.sort(
    (a, b) =>
      SEVERITY_ORDER[b.finding.severity] - SEVERITY_ORDER[a.finding.severity] ||
      byRiskDescending(a.device, b.device) ||
      (a.finding.predictedDate ?? '9999').localeCompare(b.finding.predictedDate ?? '9999') ||
      a.finding.rule.localeCompare(b.finding.rule),
  );
}
