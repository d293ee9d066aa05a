/**
 * Small building blocks (tables, pills, headings). React.createElement is used
 * directly (`h`): the report is plain Node on the main side, no JSX build step.
 * Every table row has wrap={false}, so no row is ever split across two pages.
 */
import { createElement as h, type ComponentProps, type ReactElement, type ReactNode } from 'react';
import { Text, View } from '@react-pdf/renderer';
import type { Severity } from '../../shared/health/schema';
import { SEVERITY_COLOURS, SEVERITY_LABELS, styles, ZEBRA } from './theme';

export { h };

/** One style object as react-pdf's Text accepts it. */
export type Style = Exclude<NonNullable<ComponentProps<typeof Text>['style']>, unknown[]>;

export interface Column<T> {
  title: string;
  /** Share of the width (flex grow). */
  width: number;
  render: (row: T) => ReactNode;
  align?: 'left' | 'right';
}

export interface TableOptions<T> {
  fontSize?: number;
  key?: (row: T, i: number) => string;
  /** Kept on the same page as the last row (a total, say). */
  footer?: ReactElement | null;
}

export function table<T>(columns: Column<T>[], rows: readonly T[], options: TableOptions<T> = {}): ReactElement {
  // One style object per column, shared by all its cells.
  const cellStyles = columns.map(cellStyle);
  // Plain text cells are a single Text node (no wrapping View): react-pdf's layout time grows with the node count.
  const cell = (content: ReactNode, i: number) => {
    const style = cellStyles[i]!;
    if (typeof content === 'string' || typeof content === 'number') return h(Text, { key: i, style }, String(content));
    if (isTextElement(content)) return textCell(content as ReactElement<TextProps>, style, i);
    return h(View, { key: i, style }, content);
  };
  return h(
    View,
    { style: { fontSize: options.fontSize ?? 8 } },
    // The header stays with the first row, and repeats at the top of each page the table continues on.
    h(View, { style: styles.tableHeader, wrap: false, fixed: true, minPresenceAhead: 24 }, ...columns.map((c, i) => cell(c.title, i))),
    ...rows.map((row, r) => {
      const line = h(View, { key: options.key?.(row, r) ?? String(r), style: r % 2 === 1 ? ZEBRA_ROW : styles.row, wrap: false }, ...columns.map((c, i) => cell(c.render(row) ?? '', i)));
      return options.footer && r === rows.length - 1 ? h(View, { key: 'last', wrap: false }, line, options.footer) : line;
    }),
  );
}

const ZEBRA_ROW = { ...styles.row, backgroundColor: ZEBRA };

/** Style objects made once per severity (large reports list hundreds of findings). */
const bySeverity = <T,>(make: (colour: string) => T) => Object.fromEntries(Object.entries(SEVERITY_COLOURS).map(([s, colour]) => [s, make(colour)])) as Record<Severity, T>;
const PILL_STYLES = bySeverity((colour) => ({ ...styles.pill, backgroundColor: colour }));
const SEVERITY_WORD_STYLES = bySeverity((colour) => ({ color: colour, fontWeight: 'bold' as const }));

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

/** Lines in one Text node: the first as is, the others small and muted. */
export function stack(...lines: Array<string | null | undefined | false>): ReactElement {
  const [first = '', ...rest] = lines.filter((l): l is string => Boolean(l));
  return h(Text, null, first, ...rest.map((line, i) => h(Text, { key: i, style: styles.small }, `\n${line}`)));
}

function isTextElement(node: ReactNode): boolean {
  return typeof node === 'object' && node !== null && 'type' in node && (node as ReactElement).type === Text;
}

type TextProps = { style?: Style | null; children?: ReactNode };
type CellStyle = ReturnType<typeof cellStyle>;

function cellStyle(c: { width: number; align?: 'left' | 'right' }) {
  return { ...styles.cell, flexGrow: c.width, flexBasis: 0, textAlign: c.align ?? 'left' } as const;
}

/** Styles a Text passes on to its text alone, the same whether set on the cell or on a Text inside it. */
const INLINE_STYLE_KEYS = new Set(['color', 'fontWeight']);

/**
 * A cell whose content is one Text: that Text's children go straight into the
 * cell when its own style only colours or weights the text (a stack of lines, a
 * risk figure), which prints the same with one node fewer. A Text with a box
 * of its own (a pill's background and padding) stays nested.
 */
function textCell(content: ReactElement<TextProps>, base: CellStyle, key: number): ReactElement {
  const { style, children } = content.props;
  const inline = !Array.isArray(style) && Object.keys(style ?? {}).every((k) => INLINE_STYLE_KEYS.has(k));
  if (!inline) return h(Text, { key, style: base }, content);
  return h(Text, { key, style: style ? { ...base, ...style } : base }, ...(Array.isArray(children) ? children : [children]));
}

/** A severity as coloured words inside running text (cheaper than a pill where many are listed). */
export function severityWord(severity: Severity): ReactElement {
  return h(Text, { style: SEVERITY_WORD_STYLES[severity] }, `${SEVERITY_LABELS[severity]}  `);
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
