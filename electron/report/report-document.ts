/** The whole report as a react-pdf element tree: cover, then one flowing Page per section. */
import { Document } from '@react-pdf/renderer';
import type { ReportModel } from '../../shared/assessment/report-model';
import type { ScanDocument } from '../../shared/scan-document';
import { appendixSection } from './appendix';
import { atRiskSection } from './at-risk';
import { coverPage } from './cover';
import { inventorySection } from './inventory';
import { methodologySection } from './methodology';
import { sectionPage } from './page-chrome';
import { h } from './primitives';
import { sinceLastVisitSection } from './since-last-visit';
import { summarySection } from './summary';
import { topologySection } from './topology';

export function reportDocument(model: ReportModel, scan: ScanDocument, fonts: { family: string; embedded: boolean }) {
  const f = fonts.family;
  return h(
    Document,
    { title: `${model.title}: ${model.client}, ${model.site}`, author: model.branding.companyName || 'Forewarn', subject: `Scan of ${model.scanDate.slice(0, 10)}`, creator: 'Forewarn', producer: 'Forewarn', language: 'en' },
    coverPage(model, f),
    sectionPage(model, f, summarySection(model), { bookmark: 'Executive summary' }),
    sectionPage(model, f, atRiskSection(model), { bookmark: 'Hardware at risk' }),
    sectionPage(model, f, topologySection(scan), { orientation: 'landscape', bookmark: 'Network map' }),
    sectionPage(model, f, inventorySection(model), { bookmark: 'Asset inventory' }),
    sectionPage(model, f, appendixSection(model), { bookmark: 'Health appendix' }),
    model.comparison ? sectionPage(model, f, sinceLastVisitSection(model.comparison), { bookmark: 'Since the last visit' }) : null,
    sectionPage(model, f, methodologySection(model, fonts.embedded), { bookmark: 'Methodology and scope' }),
  );
}
