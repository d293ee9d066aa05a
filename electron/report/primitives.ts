/**
 * Small building blocks (tables, pills, headings). React.createElement is used
 * directly (`h`): the report is plain Node on the main side, no JSX build step.
 * No table row is ever split across two pages.
 */
import { createElement as h, type ComponentProps, type ReactElement } from 'react';
import { Text, View } from '@react-pdf/renderer';
import type { Severity } from '../../shared/health/schema';
import { paintedRow, type CellContent, type Pill } from './painted-rows';
import type { Paragraph, RunStyle, TextMeasure } from './painted-text';
import { INK, MUTED, SEVERITY_COLOURS, SEVERITY_LABELS, styles } from './theme';

export { h };

/** One style object as react-pdf's Text accepts it. */
export type Style = Exclude<NonNullable<ComponentProps<typeof Text>['style']>, unknown[]>;

/** What a table cell shows: plain text, paragraphs of styled runs, or a pill. */
export type CellValue = string | CellContent;

export interface Column<T> {
  title: string;
  /** Share of the width (flex grow). */
  width: number;
  render: (row: T) => CellValue;
  align?: 'left' | 'right';
}

export interface TableOptions {
  fontSize?: number;
  /** Kept on the same page as the last row (a total, say). */
  footer?: ReactElement | null;
}

/** The table's width and the measure its text is wrapped with. */
export interface Paint {
  measure: TextMeasure;
  width: number;
}

/**
 * A table whose rows are painted (painted-rows.ts): one Canvas a row instead
 * of a Text node a cell, so a 500-device inventory lays out in a fraction of
 * the time. The header is painted too and repeats at the top of each page.
 */
export function table<T>(paint: Paint, columns: Column<T>[], rows: readonly T[], options: TableOptions = {}): ReactElement {
  const size = options.fontSize ?? 8;
  const toContent = (value: CellValue): CellContent => (typeof value === 'string' ? [[{ text: value, style: { size } }]] : value);
  const cells = (values: CellValue[]) => columns.map((c, i) => ({ content: toContent(values[i]!), width: c.width, align: c.align }));
  const headerStyle = { size: 7.5, bold: true };
  const header = paintedRow(columns.map((c) => ({ content: [[{ text: c.title, style: headerStyle }]], width: c.width, align: c.align })), paint.width, paint.measure, { rule: false }, 'header');
  return h(
    View,
    null,
    // The header stays with the first row, and repeats at the top of each page the table continues on.
    h(View, { style: HEADER_RULE, wrap: false, fixed: true, minPresenceAhead: 24 }, header),
    ...rows.map((row, r) => {
      const line = paintedRow(cells(columns.map((c) => c.render(row))), paint.width, paint.measure, { zebra: r % 2 === 1 }, String(r));
      return options.footer && r === rows.length - 1 ? h(View, { key: 'last', wrap: false }, line, options.footer) : line;
    }),
  );
}

const HEADER_RULE = { borderBottomWidth: 0.8, borderBottomColor: INK };

/** Lines in one cell: the first as is, the others small and muted. */
export function stack(size: number, ...lines: Array<string | null | undefined | false>): Paragraph[] {
  const [first = '', ...rest] = lines.filter((l): l is string => Boolean(l));
  return [[{ text: first, style: { size } }], ...rest.map((line) => [{ text: line, style: SMALL_MUTED }])];
}

const SMALL_MUTED: RunStyle = { size: 7.5, colour: MUTED };

/** A figure in its own colour and bold, for a table cell (risk scores). */
export function colouredCell(text: string, colour: string, size: number): Paragraph[] {
  return [[{ text, style: { size, bold: true, colour } }]];
}

/** A severity as a pill in a table cell. */
export function severityCell(severity: Severity): Pill {
  return { pill: SEVERITY_LABELS[severity], background: SEVERITY_COLOURS[severity] };
}

/** Style objects made once per severity (large reports list hundreds of findings). */
export const bySeverity = <T,>(make: (colour: string) => T) => Object.fromEntries(Object.entries(SEVERITY_COLOURS).map(([s, colour]) => [s, make(colour)])) as Record<Severity, T>;
const PILL_STYLES = bySeverity((colour) => ({ ...styles.pill, backgroundColor: colour }));

export function severityPill(severity: Severity): ReactElement {
  return h(Text, { style: PILL_STYLES[severity] }, SEVERITY_LABELS[severity]);
}

export function heading(text: string, level: 'h1' | 'h2' | 'h3' = 'h2'): ReactElement {
  // minPresenceAhead keeps a heading on the page of what follows it.
  return h(Text, { style: styles[level], minPresenceAhead: 40 }, text);
}

export function paragraph(text: string, style: Style = {}): ReactElement {
  return h(Text, { style: { marginBottom: 5, ...style } }, text);
}

/** One formatter for all dates: toLocaleDateString builds a new one on every call. */
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_FORMAT.format(d);
}

export function formatDateTime(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${formatDate(iso)}, ${d.toISOString().slice(11, 16)} UTC`;
}

export function money(amount: number, currency: string): string {
  const text = amount.toLocaleString('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
  return `${currency}${/\s$/.test(currency) || currency.length <= 1 ? '' : ' '}${text}`;
}
