/** Page 6: the health readings behind every finding, one block per device. */
import type { ReactElement } from 'react';
import { Text, View } from '@react-pdf/renderer';
import type { AppendixDevice, ReportModel } from '../../shared/assessment/report-model';
import { h, heading, severityWord } from './primitives';
import { MUTED, RULE, riskColour, SEVERITY_COLOURS, styles } from './theme';

/** Made once: a large site's appendix has thousands of readings. */
const S = {
  readings: { flexDirection: 'row', flexWrap: 'wrap' },
  reading: { width: '50%', paddingVertical: 1, paddingRight: 8 },
  label: { color: MUTED },
  critical: { color: SEVERITY_COLOURS.critical, fontWeight: 'bold' },
  warning: { color: SEVERITY_COLOURS.medium, fontWeight: 'bold' },
  block: { marginTop: 4 },
  blockTitle: { fontWeight: 'bold', fontSize: 8, marginBottom: 1 },
  finding: { marginBottom: 1.5 },
  device: { marginBottom: 8, paddingBottom: 6, borderBottomWidth: 0.6, borderBottomColor: RULE },
  deviceHead: { flexDirection: 'row', alignItems: 'center', marginBottom: 2 },
  deviceName: { fontSize: 10.5, fontWeight: 'bold', flex: 1 },
  deviceFacts: { color: MUTED, marginRight: 8 },
} as const;

/** Readings as compact two-column lines, one Text node each (large sites have thousands of readings). */
function readings(lines: Array<{ label: string; value: string; flag?: string | null }>): ReactElement {
  return h(View, { style: S.readings }, ...lines.map((l, i) =>
    h(Text, { key: String(i), style: S.reading },
      h(Text, { style: S.label }, `${l.label}: `), l.value, l.flag ? h(Text, { style: l.flag === 'Critical' ? S.critical : S.warning }, `  ${l.flag}`) : null)));
}

function block(title: string, content: ReactElement) {
  return h(View, { style: S.block }, h(Text, { style: S.blockTitle, minPresenceAhead: 20 }, title), content);
}

const flagOf = (status: string) => (status === 'Critical' || status === 'Warning' ? status : null);

function deviceBlock(d: AppendixDevice) {
  const parts = [
    d.findings.length ? block('Findings', h(View, null, ...d.findings.map((f, i) => h(Text, { key: String(i), style: S.finding }, severityWord(f.severity), f.title)))) : null,
    d.sensors.length ? block('Sensors', readings(d.sensors.map((s) => ({ label: s.name, value: s.value, flag: flagOf(s.status) })))) : null,
    d.supplies.length ? block('Supplies', readings(d.supplies.map((s) => ({ label: s.name, value: s.percent })))) : null,
    d.storage.length ? block('Storage', readings(d.storage.map((s) => ({ label: s.name, value: `${s.percent} % used (${s.used} of ${s.size})` })))) : null,
    d.ups.length ? block('UPS', readings(d.ups)) : null,
    d.interfaceProblems.length ? block('Interface problems', readings(d.interfaceProblems.map((p) => ({ label: `Port ${p.name}`, value: p.problem })))) : null,
  ];
  return h(View, { key: d.id, style: S.device },
    h(View, { style: S.deviceHead, wrap: false, minPresenceAhead: 50 },
      h(Text, { style: S.deviceName }, d.name),
      h(Text, { style: S.deviceFacts }, [d.ip, d.type, d.model].filter(Boolean).join(' · ')),
      h(Text, { style: { ...styles.pill, backgroundColor: riskColour(d.risk) } }, `Risk ${Math.round(d.risk)}`)),
    ...parts);
}

export function appendixSection(model: ReportModel) {
  return [
    heading('Health appendix', 'h1'),
    h(Text, { style: styles.lead }, 'The readings behind each finding, per device, riskiest first. Devices that gave no health data (no SNMP access) are listed in the inventory only.'),
    ...(model.appendix.length ? model.appendix.map(deviceBlock) : [h(Text, null, 'No device reported health readings.')]),
  ];
}
