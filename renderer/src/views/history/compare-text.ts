/** "Since last visit" in words: pure helpers for the comparison panel. */
import type { Attachment, Comparison, DeviceRef, LevelTrend } from '../../../../shared/assessment/compare';

/** Date and time: two visits on one day must still be told apart. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Date(time).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A device named in a comparison, with its address when the name is not the address. */
export function comparedDeviceLabel(device: DeviceRef): string {
  return device.ip && device.ip !== device.name ? `${device.name} (${device.ip})` : device.name;
}

export function attachmentLabel(a: Attachment): string {
  const port = a.port ? ` port ${a.port}` : '';
  return `${a.switchName}${port}${a.viaUnmanaged ? ' (behind an unmanaged switch)' : ''}`;
}

export function signed(value: number, unit = ''): string {
  const rounded = Math.round(value * 10) / 10;
  return `${rounded > 0 ? '+' : ''}${rounded}${unit}`;
}

export function trendLabel(t: LevelTrend): string {
  const rate = t.perMonth === null ? '' : `, ${signed(t.perMonth, ' pts')} a month`;
  const replaced = t.replaced ? ' (replaced in between)' : '';
  return `${t.before}% → ${t.after}% (${signed(t.change, ' pts')}${rate})${replaced}`;
}

export function elapsedLabel(days: number): string {
  if (days < 1 / 24) return 'less than an hour apart';
  if (days < 1) return `${Math.round(days * 24)} h apart`;
  return `${Math.round(days)} day${Math.round(days) === 1 ? '' : 's'} apart`;
}

/** The one-line verdict at the top of the comparison. */
export function comparisonHeadline(c: Comparison): string {
  const parts = [
    `${c.newDevices.length} new`,
    `${c.missingDevices.length} missing`,
    `${c.changes.length} changed`,
    `${c.moves.length} moved`,
    `${c.findings.new.length} new finding${c.findings.new.length === 1 ? '' : 's'}`,
    `${c.findings.resolved.length} resolved`,
  ];
  const risk = c.siteRiskChange === null ? '' : c.siteRiskChange === 0 ? '; site risk unchanged' : `; site risk ${signed(c.siteRiskChange)}`;
  return `${parts.join(', ')}${risk}.`;
}
