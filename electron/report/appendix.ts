/** Page 6: the health readings behind every finding, one block per device. */
import type { ReactElement } from 'react';
import { Text, View } from '@react-pdf/renderer';
import type { AppendixDevice, ReportModel } from '../../shared/assessment/report-model';
import { h, heading, severityWord } from './primitives';
import { MUTED, RULE, riskColour, SEVERITY_COLOURS, styles } from './theme';

/** Readings as compact two-column lines, one Text node each (large sites have thousands of readings). */
function readings(lines: Array<{ label: string; value: string; flag?: string | null }>): ReactElement {
  return h(View, { style: { flexDirection: 'row', flexWrap: 'wrap' } }, ...lines.map((l, i) =>
    h(Text, { key: String(i), style: { width: '50%', paddingVertical: 1, paddingRight: 8 } },
      h(Text, { style: { color: MUTED } }, `${l.label}: `), l.value, l.flag ? h(Text, { style: { color: l.flag === 'Critical' ? SEVERITY_COLOURS.critical : SEVERITY_COLOURS.medium, fontWeight: 'bold' } }, `  ${l.flag}`) : null)));
}

function block(title: string, content: ReactElement) {
  return h(View, { style: { marginTop: 4 } }, h(Text, { style: { fontWeight: 'bold', fontSize: 8, marginBottom: 1 }, minPresenceAhead: 20 }, title), content);
}

const flagOf = (status: string) => (status === 'Critical' || status === 'Warning' ? status : null);

function deviceBlock(d: AppendixDevice) {
  const parts = [
    d.findings.length ? block('Findings', h(View, null, ...d.findings.map((f, i) => h(Text, { key: String(i), style: { marginBottom: 1.5 } }, severityWord(f.severity), f.title)))) : null,
    d.sensors.length ? block('Sensors', readings(d.sensors.map((s) => ({ label: s.name, value: s.value, flag: flagOf(s.status) })))) : null,
    d.supplies.length ? block('Supplies', readings(d.supplies.map((s) => ({ label: s.name, value: s.percent })))) : null,
    d.storage.length ? block('Storage', readings(d.storage.map((s) => ({ label: s.name, value: `${s.percent} % used (${s.used} of ${s.size})` })))) : null,
    d.ups.length ? block('UPS', readings(d.ups)) : null,
    d.interfaceProblems.length ? block('Interface problems', readings(d.interfaceProblems.map((p) => ({ label: `Port ${p.name}`, value: p.problem })))) : null,
  ];
  return h(View, { key: d.id, style: { marginBottom: 8, paddingBottom: 6, borderBottomWidth: 0.6, borderBottomColor: RULE } },
    h(View, { style: { flexDirection: 'row', alignItems: 'center', marginBottom: 2 }, wrap: false, minPresenceAhead: 50 },
      h(Text, { style: { fontSize: 10.5, fontWeight: 'bold', flex: 1 } }, d.name),
      h(Text, { style: { color: MUTED, marginRight: 8 } }, [d.ip, d.type, d.model].filter(Boolean).join(' · ')),
      h(Text, { style: [styles.pill, { backgroundColor: riskColour(d.risk) }] }, `Risk ${Math.round(d.risk)}`)),
    ...parts);
}

export function appendixSection(model: ReportModel) {
  return [
    heading('Health appendix', 'h1'),
    h(Text, { style: styles.lead }, 'The readings behind each finding, per device, riskiest first. Devices that gave no health data (no SNMP access) are listed in the inventory only.'),
    ...(model.appendix.length ? model.appendix.map(deviceBlock) : [h(Text, null, 'No device reported health readings.')]),
  ];
}
