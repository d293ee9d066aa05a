/** Page 3: every finding at medium severity or above, with action, urgency, predicted date and optional cost. */
import { Text, View } from '@react-pdf/renderer';
import type { AtRiskRow, ReportModel } from '../../shared/assessment/report-model';
import { h, heading, money, paragraph, severityCell, stack, table, type Column, type Paint } from './primitives';
import { styles } from './theme';

export function atRiskSection(model: ReportModel, paint: Paint) {
  const priced = model.costTotal !== null;
  const currency = model.branding.currency;
  const columns: Column<AtRiskRow>[] = [
    { title: 'Device', width: 2.2, render: (r) => stack(7.5, r.device, [r.ip, r.type].filter(Boolean).join(' · ')) },
    { title: 'Severity', width: 1.1, render: (r) => severityCell(r.severity) },
    { title: 'Problem', width: 3.2, render: (r) => r.problem },
    { title: 'Recommended action', width: 4, render: (r) => r.action },
    { title: 'Urgency', width: 1.7, render: (r) => r.urgency },
    ...(priced ? [{ title: 'Est. cost', width: 1.2, align: 'right' as const, render: (r: AtRiskRow) => (r.cost === null ? '—' : money(r.cost, currency)) }] : []),
  ];
  const total = h(View, { style: { marginTop: 6 } },
    h(Text, { style: { fontWeight: 'bold', fontSize: 10, textAlign: 'right' } }, `Estimated total: ${money(model.costTotal ?? 0, currency)}`),
    paragraph('Costs are estimates from the service provider\'s price list, per recommended action; actions without a price (—) are not included.', { ...styles.small, marginTop: 4, textAlign: 'right' }));
  return [
    heading('Hardware at risk', 'h1'),
    h(Text, { style: styles.lead }, model.atRisk.length
      ? `${model.atRisk.length} problems on ${model.summary.atRiskDeviceCount} devices need action, most urgent first. Dates are forecasts from the devices' own readings and, where earlier scans exist, from the trend between visits.`
      : 'No device has a problem at medium severity or above.'),
    model.atRisk.length ? table(paint, columns, model.atRisk, { fontSize: 7.5, footer: priced ? total : null }) : null,
  ];
}
