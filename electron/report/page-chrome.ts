/** A report section: one Page element (it flows over as many pages as needed) with the running header and page numbers. */
import type { ReactNode } from 'react';
import { Page, Text, View } from '@react-pdf/renderer';
import type { ReportModel } from '../../shared/assessment/report-model';
import { formatDate, h } from './primitives';
import { styles } from './theme';

export interface SectionOptions {
  orientation?: 'portrait' | 'landscape';
  /** Bookmark title in the PDF outline. */
  bookmark?: string;
}

export function sectionPage(model: ReportModel, fontFamily: string, children: ReactNode[], options: SectionOptions = {}) {
  const company = model.branding.companyName || 'Forewarn';
  return h(
    Page,
    { size: 'A4', orientation: options.orientation ?? 'portrait', style: [styles.page, { fontFamily }], ...(options.bookmark ? { bookmark: options.bookmark } : {}) },
    h(View, { style: [styles.header, { borderBottomColor: model.branding.accentColor }], fixed: true },
      h(Text, null, `${model.client} · ${model.site}`),
      h(Text, null, `${company} · ${model.title}`)),
    ...children,
    h(View, { style: styles.footer, fixed: true },
      h(Text, null, `Scan of ${formatDate(model.scanDate)} · Confidential`),
      h(Text, { render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) => `Page ${pageNumber} of ${totalPages}` })),
  );
}
