/** A report section: one Page element (it flows over as many pages as needed) with the running header and page numbers. */
import type { ComponentProps, ReactNode } from 'react';
import { Page, Text, View } from '@react-pdf/renderer';
import type { ReportModel } from '../../shared/assessment/report-model';
import { formatDate, h } from './primitives';
import { styles } from './theme';

/** What react-pdf passes a page template: the page's content and its numbers. */
type PageLayoutProps = Parameters<NonNullable<ComponentProps<typeof Page>['layout']>>[0];

export interface SectionOptions {
  orientation?: 'portrait' | 'landscape';
  /** Bookmark title in the PDF outline. */
  bookmark?: string;
}

export function sectionPage(model: ReportModel, fontFamily: string, children: ReactNode[], options: SectionOptions = {}) {
  const company = model.branding.companyName || 'Forewarn';
  // Everything but the page number is made once: the template runs a few times for every
  // page (react-pdf measures the content area, then builds the page, in two rounds).
  const header = h(View, { key: 'header', style: { ...styles.header, borderBottomColor: model.branding.accentColor } },
    h(Text, null, `${model.client} · ${model.site}`),
    h(Text, null, `${company} · ${model.title}`));
  const footerText = h(Text, null, `Scan of ${formatDate(model.scanDate)} · Confidential`);
  // The running header and page numbers are a page template (`layout`): it opts the
  // document into react-pdf's newer pagination engine, which measures the content once
  // and packs it into pages. The default engine re-lays out everything left after each
  // page break, so a 500-row inventory cost quadratic time and memory.
  const chrome = ({ children: content, pageNumber, totalPages }: PageLayoutProps) => [
    header,
    h(View, { key: 'content', style: CONTENT }, content),
    h(View, { key: 'footer', style: styles.footer },
      footerText,
      h(Text, null, `Page ${pageNumber ?? '?'} of ${totalPages ?? '?'}`)),
  ];
  return h(
    Page,
    { size: 'A4', orientation: options.orientation ?? 'portrait', style: { ...styles.page, fontFamily }, layout: chrome, ...(options.bookmark ? { bookmark: options.bookmark } : {}) },
    ...children,
  );
}

const CONTENT = { flexGrow: 1 };
