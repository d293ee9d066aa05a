/**
 * CSV export of the inventory and the findings (RFC 4180, CRLF, every cell
 * quoted, UTF-8 with a byte-order mark so Excel reads "63 °C", not "Â°C").
 * Device strings are untrusted: any part of a cell a spreadsheet would run as
 * a formula is prefixed with an apostrophe. Parts, because Excel in a
 * semicolon locale splits "sw1;=1+1" at the semicolon, quotes or not.
 */
import type { ScanDocument } from '../scan-document';
import { byRiskThenName, clean, deviceName, isPlaceholder, typeLabel } from './device-label';

type Cell = string | number | boolean | null | undefined;

/** The byte-order mark Excel needs to read the file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

/** Each separator-delimited part (`,` `;` tab) that starts like a formula gets an apostrophe. */
function defuseFormulas(text: string): string {
  return text.replace(/(^|[,;\t])(\s*)(?=[=+\-@\r])/g, "$1$2'");
}

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '""';
  const text = typeof value === 'string' ? defuseFormulas(value) : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return UTF8_BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const INVENTORY_HEADER = ['Name', 'IP address', 'MAC address', 'Type', 'Vendor', 'Model', 'Firmware', 'Serial number', 'Location', 'Uptime (days)', 'SNMP', 'Risk score', 'Findings'] as const;

export function inventoryRows(document: ScanDocument): Cell[][] {
  return document.devices
    .filter((d) => !isPlaceholder(d))
    .sort(byRiskThenName)
    .map((d) => [
      deviceName(d), d.ip, d.mac, typeLabel(d.type), clean(d.vendor), clean(d.model), clean(d.firmware), clean(d.serial), clean(d.sysLocation ?? null),
      d.uptimeSeconds === null ? null : Math.round((d.uptimeSeconds / 86_400) * 10) / 10,
      d.reachability.snmp ? d.reachability.snmp.version : 'no', d.risk?.score ?? 0, d.findings?.length ?? 0,
    ]);
}

export const FINDINGS_HEADER = ['Device', 'IP address', 'Severity', 'Rule', 'Finding', 'Subject', 'Explanation', 'Recommendation', 'Predicted date', 'Evidence'] as const;

export function findingRows(document: ScanDocument): Cell[][] {
  return document.devices.flatMap((d) =>
    (d.findings ?? []).map((f) => [
      deviceName(d), d.ip, f.severity, f.rule, f.title, clean(f.subject ?? null), f.explanation, f.recommendation, f.predictedDate ?? null,
      f.evidence.map((e) => `${e.name}=${e.value ?? ''}${e.threshold !== undefined ? ` (threshold ${e.threshold})` : ''}`).join('; '),
    ]),
  );
}

export function inventoryCsv(document: ScanDocument): string {
  return toCsv(INVENTORY_HEADER, inventoryRows(document));
}

export function findingsCsv(document: ScanDocument): string {
  return toCsv(FINDINGS_HEADER, findingRows(document));
}
