/** Page 7: what changed since the previous scan of the site. */
import { Text, View } from '@react-pdf/renderer';
import type { Comparison, FindingRef, LevelTrend } from '../../shared/assessment/compare';
import { formatDate, h, heading, paragraph, severityCell, table, type Paint } from './primitives';
import { MUTED, RULE, styles } from './theme';

function figure(label: string, value: string) {
  return h(View, { key: label, style: { flex: 1, borderWidth: 0.6, borderColor: RULE, borderRadius: 4, padding: 7, marginRight: 8 } },
    h(Text, { style: { fontSize: 14, fontWeight: 'bold' } }, value), h(Text, { style: { fontSize: 7.5, color: MUTED } }, label));
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function findingTable(paint: Paint, rows: FindingRef[]) {
  return table(paint, [
    { title: 'Device', width: 2, render: (f: FindingRef) => f.device.name },
    { title: 'Severity', width: 1, render: (f) => severityCell(f.severity) },
    { title: 'Finding', width: 5, render: (f) => f.title },
  ], rows, { fontSize: 7.5 });
}

function trendTable(paint: Paint, rows: LevelTrend[], what: string) {
  return table(paint, [
    { title: 'Device', width: 2, render: (t: LevelTrend) => t.device.name },
    { title: what, width: 3.2, render: (t) => t.name },
    { title: 'Then', width: 1, align: 'right', render: (t) => `${Math.round(t.before)} %` },
    { title: 'Now', width: 1, align: 'right', render: (t) => `${Math.round(t.after)} %` },
    { title: 'Change', width: 1.2, align: 'right', render: (t) => (t.replaced ? 'replaced' : `${signed(t.change)} pts`) },
    { title: 'Per month', width: 1.2, align: 'right', render: (t) => (t.replaced || t.perMonth === null ? '—' : `${signed(t.perMonth)} pts`) },
  ], rows, { fontSize: 7.5 });
}

export function sinceLastVisitSection(c: Comparison, paint: Paint) {
  const riskText = c.siteRiskChange === null ? '—' : signed(c.siteRiskChange);
  const list = (title: string, items: string[]) => items.length ? [heading(title, 'h3'), ...items.map((t, i) => h(Text, { key: `${title}-${i}`, style: { marginBottom: 1.5 }, wrap: false }, `• ${t}`))] : [];
  return [
    heading('Since the last visit', 'h1'),
    h(Text, { style: styles.lead }, `Compared with the scan of ${formatDate(c.older.at)}, ${Math.round(c.days)} days earlier. Devices are matched by MAC address, then serial number, then IP address.`),
    h(View, { style: { flexDirection: 'row', marginBottom: 8 } },
      figure('devices then → now', `${c.older.deviceCount} → ${c.newer.deviceCount}`),
      figure('new / missing devices', `${c.newDevices.length} / ${c.missingDevices.length}`),
      figure('new / resolved findings', `${c.findings.new.length} / ${c.findings.resolved.length}`),
      figure('site risk change', riskText)),
    ...list(`New devices (${c.newDevices.length})`, c.newDevices.map((d) => `${d.name} (${[d.ip, d.mac, d.model].filter(Boolean).join(', ')})`)),
    ...list(`Missing devices (${c.missingDevices.length})`, c.missingDevices.map((d) => `${d.name} (${[d.ip, d.mac, d.model].filter(Boolean).join(', ')}): not seen this time; retired, switched off, or moved elsewhere?`)),
    ...list(`Changed firmware, model or address (${c.changes.length})`, c.changes.map((ch) => `${ch.device.name}: ${ch.field} ${ch.before} → ${ch.after}`)),
    ...list(`Moved to another switch port (${c.moves.length})`, c.moves.map((m) => `${m.device.name}: ${m.before.switchName} port ${m.before.port} → ${m.after.switchName} port ${m.after.port}`)),
    ...(c.findings.new.length ? [heading(`New findings (${c.findings.new.length})`, 'h3'), findingTable(paint, c.findings.new)] : []),
    ...(c.findings.resolved.length ? [heading(`Resolved since last visit (${c.findings.resolved.length})`, 'h3'), findingTable(paint, c.findings.resolved)] : []),
    paragraph(`${c.findings.persisting.length} findings were already present at the last visit and are still open.`, { marginTop: 6 }),
    ...(c.supplyTrends.length ? [heading('Printer supplies', 'h3'), trendTable(paint, c.supplyTrends, 'Supply')] : []),
    ...(c.storageTrends.length ? [heading('Storage', 'h3'), trendTable(paint, c.storageTrends, 'Volume')] : []),
  ];
}
