/** Page 6: the health readings behind every finding, one block per device. */
import type { ReactElement } from 'react';
import { Text, View } from '@react-pdf/renderer';
import type { AppendixDevice, ReportModel } from '../../shared/assessment/report-model';
import { h, heading, severityPill, table } from './primitives';
import { MUTED, RULE, riskColour, styles } from './theme';

function kv(rows: Array<{ label: string; value: string }>) {
  return h(View, { style: { flexDirection: 'row', flexWrap: 'wrap' } }, ...rows.map((r) =>
    h(View, { key: r.label, style: { width: '33%', flexDirection: 'row', paddingVertical: 1.5 }, wrap: false },
      h(Text, { style: { color: MUTED, width: 90 } }, r.label), h(Text, { style: { flex: 1 } }, r.value))));
}

function block(title: string, content: ReactElement) {
  return h(View, { style: { marginTop: 4 } }, h(Text, { style: { fontWeight: 'bold', fontSize: 8, marginBottom: 1 }, minPresenceAhead: 20 }, title), content);
}

function deviceBlock(d: AppendixDevice) {
  const parts = [
    d.findings.length ? block('Findings', h(View, null, ...d.findings.map((f, i) => h(View, { key: String(i), style: { flexDirection: 'row', alignItems: 'center', marginBottom: 1.5 }, wrap: false }, h(View, { style: { width: 50 } }, severityPill(f.severity)), h(Text, { style: { flex: 1 } }, f.title))))) : null,
    d.sensors.length ? block('Sensors', table([{ title: 'Sensor', width: 4, render: (s: AppendixDevice['sensors'][number]) => s.name }, { title: 'Reading', width: 2, render: (s) => s.value }, { title: 'Status', width: 1.2, render: (s) => s.status }], d.sensors, { fontSize: 7.5 })) : null,
    d.supplies.length ? block('Supplies', table([{ title: 'Supply', width: 4, render: (s: AppendixDevice['supplies'][number]) => s.name }, { title: 'Level', width: 2, render: (s) => s.percent }], d.supplies, { fontSize: 7.5 })) : null,
    d.storage.length ? block('Storage', table([{ title: 'Volume', width: 4, render: (s: AppendixDevice['storage'][number]) => s.name }, { title: 'Size', width: 1.4, render: (s) => s.size }, { title: 'Used', width: 1.4, render: (s) => s.used }, { title: 'Used %', width: 1, align: 'right', render: (s) => `${s.percent} %` }], d.storage, { fontSize: 7.5 })) : null,
    d.ups.length ? block('UPS', kv(d.ups)) : null,
    d.interfaceProblems.length ? block('Interface problems', table([{ title: 'Port', width: 2, render: (s: AppendixDevice['interfaceProblems'][number]) => s.name }, { title: 'Problem', width: 5, render: (s) => s.problem }], d.interfaceProblems, { fontSize: 7.5 })) : null,
  ];
  return h(View, { key: d.id, style: { marginBottom: 10, paddingBottom: 6, borderBottomWidth: 0.6, borderBottomColor: RULE } },
    h(View, { style: { flexDirection: 'row', alignItems: 'center', marginBottom: 2 }, wrap: false, minPresenceAhead: 50 },
      h(Text, { style: { fontSize: 10.5, fontWeight: 'bold', flex: 1 } }, `${d.name}`),
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
