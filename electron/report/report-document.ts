/** The whole report as a react-pdf element tree: cover, then one flowing Page per section. */
import { Document } from '@react-pdf/renderer';
import type { ReportModel } from '../../shared/assessment/report-model';
import type { ScanDocument } from '../../shared/scan-document';
import type { ReportFonts } from './fonts';
import { appendixSection } from './appendix';
import { atRiskSection } from './at-risk';
import { coverPage } from './cover';
import { inventorySection } from './inventory';
import { methodologySection } from './methodology';
import { sectionPage } from './page-chrome';
import { TextMeasure } from './painted-text';
import { h } from './primitives';
import { sinceLastVisitSection } from './since-last-visit';
import { summarySection } from './summary';
import { contentWidth } from './theme';
import { topologySection } from './topology';

export function reportDocument(model: ReportModel, scan: ScanDocument, fonts: ReportFonts) {
  const measure = new TextMeasure(fonts);
  // Every table is on a portrait page.
  const paint = { measure, width: contentWidth('portrait') };
  return h(
    Document,
    { title: `${model.title}: ${model.client}, ${model.site}`, author: model.branding.companyName || 'Forewarn', subject: `Scan of ${model.scanDate.slice(0, 10)}`, creator: 'Forewarn', producer: 'Forewarn', language: 'en' },
    coverPage(model, fonts.family),
    sectionPage(model, measure, summarySection(model), { bookmark: 'Executive summary' }),
    sectionPage(model, measure, atRiskSection(model, paint), { bookmark: 'Hardware at risk' }),
    sectionPage(model, measure, topologySection(scan), { orientation: 'landscape', bookmark: 'Network map' }),
    sectionPage(model, measure, inventorySection(model, paint), { bookmark: 'Asset inventory' }),
    sectionPage(model, measure, appendixSection(model, paint), { bookmark: 'Health appendix' }),
    model.comparison ? sectionPage(model, measure, sinceLastVisitSection(model.comparison, paint), { bookmark: 'Since the last visit' }) : null,
    sectionPage(model, measure, methodologySection(model, fonts.embedded, paint), { bookmark: 'Methodology and scope' }),
  );
}
