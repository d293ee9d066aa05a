/** A report section: one Page element (it flows over as many pages as needed) with the running header and page numbers. */
import type { ComponentProps, ReactNode } from 'react';
import { Page, View } from '@react-pdf/renderer';
import type { ReportModel } from '../../shared/assessment/report-model';
import { paintedRow, type PaintedCell } from './painted-rows';
import type { RunStyle, TextMeasure } from './painted-text';
import { formatDate, h } from './primitives';
import { contentWidth, MUTED, styles } from './theme';

/** What react-pdf passes a page template: the page's content and its numbers. */
type PageLayoutProps = Parameters<NonNullable<ComponentProps<typeof Page>['layout']>>[0];

export interface SectionOptions {
  orientation?: 'portrait' | 'landscape';
  /** Bookmark title in the PDF outline. */
  bookmark?: string;
}

const CHROME_TEXT: RunStyle = { size: 7.5, colour: MUTED };

/** Text at the left and at the right of one painted line. */
function twoEnds(left: string, right: string): PaintedCell[] {
  return [{ content: [[{ text: left, style: CHROME_TEXT }]], width: 1 }, { content: [[{ text: right, style: CHROME_TEXT }]], width: 1, align: 'right' }];
}

const CHROME_LOOK = { rule: false, paddingVertical: 0, gutter: 0 } as const;

export function sectionPage(model: ReportModel, measure: TextMeasure, children: ReactNode[], options: SectionOptions = {}) {
  const company = model.branding.companyName || 'Forewarn';
  const orientation = options.orientation ?? 'portrait';
  const width = contentWidth(orientation);
  // Everything but the page number is made once: the template runs a few times for every
  // page (react-pdf measures the content area, then builds the page, in two rounds). The
  // header and footer are painted, not Text nodes: laying out four texts on each of a
  // large report's hundred pages, a few times each, cost about a second.
  const header = h(View, { key: 'header', style: { ...styles.header, borderBottomColor: model.branding.accentColor } },
    paintedRow(twoEnds(`${model.client} · ${model.site}`, `${company} · ${model.title}`), width, measure, CHROME_LOOK));
  const footerText = `Scan of ${formatDate(model.scanDate)} · Confidential`;
  // The running header and page numbers are a page template (`layout`): it opts the
  // document into react-pdf's newer pagination engine, which measures the content once
  // and packs it into pages. The default engine re-lays out everything left after each
  // page break, so a 500-row inventory cost quadratic time and memory.
  const chrome = ({ children: content, pageNumber, totalPages }: PageLayoutProps) => [
    header,
    h(View, { key: 'content', style: CONTENT }, content),
    h(View, { key: 'footer', style: styles.footer },
      paintedRow(twoEnds(footerText, `Page ${pageNumber ?? '?'} of ${totalPages ?? '?'}`), width, measure, CHROME_LOOK)),
  ];
  return h(
    Page,
    { size: 'A4', orientation, style: { ...styles.page, fontFamily: measure.fonts.family }, layout: chrome, ...(options.bookmark ? { bookmark: options.bookmark } : {}) },
    ...children,
  );
}

const CONTENT = { flexGrow: 1 };
