/** Page 1: the MSP's logo, name and colour; the client, site, date and technician. */
import { Image, Page, Text, View } from '@react-pdf/renderer';
import type { ReportModel } from '../../shared/assessment/report-model';
import { formatDate, h } from './primitives';
import { MUTED, PAGE_MARGIN, riskColour, textOn } from './theme';

export function coverPage(model: ReportModel, fontFamily: string) {
  const accent = model.branding.accentColor;
  const onAccent = textOn(accent);
  const company = model.branding.companyName || 'Prepared with Forewarn';
  const facts: Array<[string, string]> = [
    ['Client', model.client],
    ['Site', model.site],
    ['Scan date', formatDate(model.scanDate)],
    ['Prepared by', model.technician ? `${model.technician}, ${model.branding.companyName || 'Forewarn'}` : model.branding.companyName || '—'],
    ['Report date', formatDate(model.generatedAt)],
  ];
  return h(
    Page,
    { size: 'A4', style: { fontFamily, color: '#1d232b' }, bookmark: 'Cover' },
    h(View, { style: { backgroundColor: accent, height: 250, paddingHorizontal: PAGE_MARGIN, paddingTop: 48, justifyContent: 'space-between', paddingBottom: 36 } },
      h(View, { style: { flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between' } },
        h(Text, { style: { color: onAccent, fontSize: 14, fontWeight: 'bold' } }, company),
        model.branding.logoDataUrl ? h(View, { style: { backgroundColor: '#ffffff', borderRadius: 4, padding: 6 } }, h(Image, { src: model.branding.logoDataUrl, style: { maxHeight: 48, maxWidth: 150, objectFit: 'contain' } })) : null),
      h(View, null,
        h(Text, { style: { color: onAccent, fontSize: 30, fontWeight: 'bold', marginBottom: 6 } }, model.title),
        h(Text, { style: { color: onAccent, fontSize: 13 } }, 'Inventory, network map and hardware at risk of failure'))),
    h(View, { style: { paddingHorizontal: PAGE_MARGIN, paddingTop: 40 } },
      h(Text, { style: { fontSize: 24, fontWeight: 'bold', marginBottom: 2 } }, model.client),
      h(Text, { style: { fontSize: 14, color: MUTED, marginBottom: 28 } }, model.site),
      ...facts.map(([label, value]) =>
        h(View, { key: label, style: { flexDirection: 'row', marginBottom: 8, fontSize: 11 } },
          h(Text, { style: { width: 110, color: MUTED } }, label),
          h(Text, { style: { flex: 1 } }, value))),
      h(View, { style: { flexDirection: 'row', alignItems: 'center', marginTop: 30 } },
        h(View, { style: { width: 64, height: 64, borderRadius: 32, backgroundColor: riskColour(model.summary.siteRisk), alignItems: 'center', justifyContent: 'center' } },
          h(Text, { style: { color: '#ffffff', fontSize: 20, fontWeight: 'bold' } }, String(Math.round(model.summary.siteRisk)))),
        h(View, { style: { marginLeft: 14 } },
          h(Text, { style: { fontSize: 13, fontWeight: 'bold' } }, `Site risk: ${model.summary.level}`),
          h(Text, { style: { fontSize: 10, color: MUTED } }, `${model.summary.deviceCount} devices found, ${model.summary.atRiskDeviceCount} need attention`)))),
    h(Text, { style: { position: 'absolute', bottom: 30, left: PAGE_MARGIN, right: PAGE_MARGIN, fontSize: 8, color: MUTED } },
      'Confidential: prepared for the client named above. Read-only assessment: no device configuration was changed.'),
  );
}
