/**
 * CSV export of the inventory and the findings (RFC 4180, CRLF, every cell
 * quoted, UTF-8 with a byte-order mark so Excel reads "63 °C", not "Â°C").
 * Device strings are untrusted: any part of a cell a spreadsheet would run as
 * a formula is prefixed with an apostrophe. Parts, because Excel in a
 * semicolon locale splits "sw1;=1+1" at the semicolon, quotes or not.
 */
import type { ScanDocument } from '../scan-document';
import { byRiskThenName, clean, deviceName, isPlaceholder, typeLabel } from './device-label';

export type Cell = string | number | boolean | null | undefined;

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

export const INTERFACES_HEADER = [
  'Device', 'IP address', 'Interface', 'Alias', 'Admin', 'Oper', 'Speed (Mb/s)', 'Duplex', 'In errors', 'Out errors', 'In discards', 'Out discards',
  'FCS errors', 'Late collisions', 'Errors per second', 'Last change (days ago)', 'Connected to',
] as const;

/** Every interface of every device read over SNMP, with what the topology says hangs on it. */
export function interfaceRows(document: ScanDocument): Cell[][] {
  const names = new Map(document.devices.map((d) => [d.id, deviceName(d)]));
  const peer = new Map<string, string>();
  for (const link of document.links ?? []) {
    const end = (e: { device: string; port: string | null }) => `${names.get(e.device) ?? e.device}${e.port ? ` ${e.port}` : ''}`;
    if (link.a.port) peer.set(`${link.a.device}\u0000${link.a.port}`, end(link.b));
    if (link.b.port) peer.set(`${link.b.device}\u0000${link.b.port}`, end(link.a));
  }
  const rate = (r: number | null | undefined) => (r === null || r === undefined ? 0 : r);
  return document.devices.filter((d) => !isPlaceholder(d)).sort(byRiskThenName).flatMap((d) =>
    (d.interfaces ?? []).map((i) => [
      deviceName(d), d.ip, clean(i.name), clean(i.alias), i.adminStatus, i.operStatus, i.speedMbps, i.duplex,
      i.counters.inErrors, i.counters.outErrors, i.counters.inDiscards, i.counters.outDiscards, i.counters.fcsErrors, i.counters.lateCollisions,
      i.rates ? Math.round((rate(i.rates.inErrors) + rate(i.rates.outErrors)) * 100) / 100 : null,
      i.lastChangeSeconds === null ? null : Math.round((i.lastChangeSeconds / 86_400) * 10) / 10,
      peer.get(`${d.id}\u0000${i.name}`) ?? null,
    ]),
  );
}

export function inventoryCsv(document: ScanDocument): string {
  return toCsv(INVENTORY_HEADER, inventoryRows(document));
}

export function findingsCsv(document: ScanDocument): string {
  return toCsv(FINDINGS_HEADER, findingRows(document));
}
