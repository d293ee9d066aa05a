/** Page 2: the site risk score, what moved it, and the five biggest risks in plain language. */
import { Text, View } from '@react-pdf/renderer';
import type { ReportModel } from '../../shared/assessment/report-model';
import { formatDate, h, heading, money, paragraph, severityPill } from './primitives';
import { MUTED, RULE, riskColour, styles } from './theme';

function figure(label: string, value: string, colour?: string) {
  return h(View, { key: label, style: { flex: 1, borderWidth: 0.6, borderColor: RULE, borderRadius: 4, padding: 8, marginRight: 8 } },
    h(Text, { style: { fontSize: 16, fontWeight: 'bold', color: colour ?? '#1d232b' } }, value),
    h(Text, { style: { fontSize: 7.5, color: MUTED } }, label));
}

export function summarySection(model: ReportModel) {
  const s = model.summary;
  const urgent = s.findingCounts.critical + s.findingCounts.high;
  const change = s.previousRisk !== null ? Math.round((s.siteRisk - s.previousRisk) * 10) / 10 : null;
  const movement = change === null
    ? null
    : `At the previous visit (${formatDate(s.previousDate)}) the site scored ${Math.round(s.previousRisk!)}; it is now ${Math.round(s.siteRisk)} (${change > 0 ? `+${change}, worse` : change < 0 ? `${change}, better` : 'unchanged'}).`;
  return [
    heading('Executive summary', 'h1'),
    h(Text, { style: styles.lead }, `What we found on the network of ${model.client} (${model.site}) on ${formatDate(model.scanDate)}.`),
    h(View, { style: { flexDirection: 'row', alignItems: 'center', marginBottom: 12 } },
      h(View, { style: { width: 86, height: 86, borderRadius: 43, backgroundColor: riskColour(s.siteRisk), alignItems: 'center', justifyContent: 'center', marginRight: 16 } },
        h(Text, { style: { color: '#ffffff', fontSize: 26, fontWeight: 'bold' } }, String(Math.round(s.siteRisk))),
        h(Text, { style: { color: '#ffffff', fontSize: 7 } }, 'of 100')),
      h(View, { style: { flex: 1 } },
        h(Text, { style: { fontSize: 14, fontWeight: 'bold', marginBottom: 3 } }, `Site risk: ${s.level}`),
        paragraph('The score combines every finding on every device, weighted by severity; the riskiest devices count most. 0 means nothing found, 100 means failures are imminent.', { color: MUTED }),
        movement ? paragraph(movement, { fontWeight: 'bold' }) : null)),
    h(View, { style: { flexDirection: 'row', marginBottom: 6 } },
      figure('devices found', String(s.deviceCount)),
      figure('devices needing attention', String(s.atRiskDeviceCount), s.atRiskDeviceCount ? riskColour(50) : undefined),
      figure('critical or high findings', String(urgent), urgent ? riskColour(80) : undefined),
      model.costTotal !== null ? figure('estimated cost of actions', money(model.costTotal, model.branding.currency)) : figure('findings in total', String(Object.values(s.findingCounts).reduce((a, b) => a + b, 0)))),
    heading('What drives the score'),
    s.drivers.length === 0
      ? paragraph('No device has a finding that adds risk.')
      : h(View, null, ...s.drivers.map((d) =>
          h(View, { key: d.device, style: { flexDirection: 'row', alignItems: 'center', marginBottom: 4 }, wrap: false },
            h(Text, { style: { width: 120, fontWeight: 'bold' } }, d.device),
            h(View, { style: { width: 90, height: 7, backgroundColor: '#eef1f4', marginRight: 8 } }, h(View, { style: { width: `${Math.max(2, d.deviceScore)}%`, height: 7, backgroundColor: riskColour(d.deviceScore) } })),
            h(Text, { style: { width: 34 } }, String(Math.round(d.deviceScore))),
            h(Text, { style: { flex: 1, color: MUTED } }, d.reasons.join('; '))))),
    heading('The five biggest risks'),
    s.topRisks.length === 0
      ? paragraph('Nothing at medium severity or above was found. Keep scanning at each visit to catch trends early.')
      : h(View, null, ...s.topRisks.map((r, i) =>
          h(View, { key: String(i), style: { flexDirection: 'row', marginBottom: 8 }, wrap: false },
            h(Text, { style: { width: 18, fontSize: 12, fontWeight: 'bold', color: riskColour(70) } }, `${i + 1}.`),
            h(View, { style: { flex: 1 } },
              h(View, { style: { flexDirection: 'row', alignItems: 'center', marginBottom: 2 } }, severityPill(r.severity), h(Text, { style: { marginLeft: 6, fontWeight: 'bold' } }, `${r.device}: ${r.title}`)),
              h(Text, null, r.explanation),
              h(Text, { style: { color: MUTED } }, `What to do: ${r.recommendation}`))))),
  ];
}
