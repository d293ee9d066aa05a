/**
 * Table rows drawn straight onto the page: one react-pdf Canvas per row, its
 * height measured in advance (painted-text.ts), its text and boxes drawn by
 * pdfkit when the page is rendered. A 500-device report has thousands of
 * cells; as Text nodes they cost seconds of layout, as painted rows almost
 * nothing. They keep the look the tables had as Text nodes: zebra rows, thin
 * rules, pills.
 */
import { createElement as h, type ReactElement } from 'react';
import { Canvas } from '@react-pdf/renderer';
import { linesHeight, wrapParagraphs, type Line, type Paragraph, type RunStyle, type TextMeasure } from './painted-text';
import { INK, RULE, ZEBRA } from './theme';

/** A small coloured label (a severity, a risk score) in place of text. */
export interface Pill {
  pill: string;
  background: string;
}

export type CellContent = Paragraph[] | Pill;

export interface PaintedCell {
  content: CellContent;
  /** Share of the row's width (like a flex grow). */
  width: number;
  align?: 'left' | 'right';
}

export interface RowLook {
  zebra?: boolean;
  /** A thin line under the row (on by default), `ruleWidth` points thick. */
  rule?: boolean;
  ruleWidth?: number;
  paddingVertical?: number;
  paddingTop?: number;
  paddingBottom?: number;
  /** Space right of each cell's text. */
  gutter?: number;
}

/** The subset of pdfkit's API that react-pdf hands a Canvas (its `painter`). */
export interface Painter {
  rect(x: number, y: number, w: number, h: number): Painter;
  roundedRect(x: number, y: number, w: number, h: number, r: number): Painter;
  fill(colour?: string): Painter;
  moveTo(x: number, y: number): Painter;
  lineTo(x: number, y: number): Painter;
  lineWidth(w: number): Painter;
  strokeColor(colour: string): Painter;
  stroke(): Painter;
  font(source: unknown, size?: number): Painter;
  fontSize(size: number): Painter;
  fillColor(colour: string): Painter;
  fillOpacity(opacity: number): Painter;
  text(text: string, x: number, y: number, options?: object): Painter;
}

export const PILL_STYLE: RunStyle = { size: 7, bold: true, colour: '#ffffff' };
const PILL_PADDING = { x: 4, y: 1 };

interface LaidOutCell {
  x: number;
  width: number;
  align: 'left' | 'right';
  lines: Line[];
  pill: Pill | null;
  height: number;
}

function isPill(content: CellContent): content is Pill {
  return !Array.isArray(content);
}

function layoutCells(cells: PaintedCell[], rowWidth: number, gutter: number, measure: TextMeasure): LaidOutCell[] {
  const shares = cells.reduce((sum, c) => sum + c.width, 0);
  let x = 0;
  return cells.map((cell) => {
    const width = (rowWidth * cell.width) / shares;
    const textWidth = Math.max(1, width - gutter);
    const laidOut: LaidOutCell = { x, width: textWidth, align: cell.align ?? 'left', lines: [], pill: null, height: 0 };
    x += width;
    if (isPill(cell.content)) {
      laidOut.pill = cell.content;
      laidOut.height = measure.lineHeight(PILL_STYLE) + 2 * PILL_PADDING.y;
    } else {
      laidOut.lines = wrapParagraphs(cell.content, textWidth, measure);
      laidOut.height = linesHeight(laidOut.lines);
    }
    return laidOut;
  });
}

/**
 * Sets the font and colour only when they change, within one canvas: every
 * pdfkit font() call with a font object wraps it anew and compares it with
 * those already in the document.
 */
export class PenState {
  private source: unknown = null;
  private size = 0;
  private colour = '';

  constructor(private readonly painter: Painter, private readonly measure: TextMeasure) {}

  use(style: RunStyle): Painter {
    const source = this.measure.paintSource(style);
    if (source !== this.source) this.painter.font(source, style.size);
    else if (style.size !== this.size) this.painter.fontSize(style.size);
    const colour = style.colour ?? INK;
    if (colour !== this.colour) this.painter.fillColor(colour);
    this.source = source;
    this.size = style.size;
    this.colour = colour;
    return this.painter;
  }

  /** Fills a shape; pdfkit's fill(colour) also sets the colour text is drawn in. */
  fill(shape: Painter, colour: string): void {
    shape.fill(colour);
    this.colour = colour;
  }
}

const AT_BASELINE = { lineBreak: false, baseline: 'alphabetic' } as const;

function paintLines(pen: PenState, cell: LaidOutCell, top: number): void {
  let y = top;
  for (const line of cell.lines) {
    const left = cell.align === 'right' ? cell.x + cell.width - line.width : cell.x;
    for (const run of line.runs) pen.use(run.style).text(run.text, left + run.x, y + line.ascent, AT_BASELINE);
    y += line.height;
  }
}

function paintPill(painter: Painter, pen: PenState, cell: LaidOutCell, top: number, measure: TextMeasure): void {
  const pill = cell.pill!;
  const width = measure.width(pill.pill, PILL_STYLE) + 2 * PILL_PADDING.x;
  const left = cell.align === 'right' ? cell.x + cell.width - width : cell.x;
  pen.fill(painter.roundedRect(left, top, width, cell.height, 3), pill.background);
  pen.use(PILL_STYLE).text(pill.pill, left + PILL_PADDING.x, top + PILL_PADDING.y + measure.ascent(PILL_STYLE), AT_BASELINE);
}

/** A row measured and ready to be painted at any height on a canvas. */
export interface LaidOutRow {
  height: number;
  paint(painter: Painter, pen: PenState, top: number): void;
}

export function layoutRow(cells: PaintedCell[], rowWidth: number, measure: TextMeasure, look: RowLook = {}): LaidOutRow {
  const padTop = look.paddingTop ?? look.paddingVertical ?? 3;
  const padBottom = look.paddingBottom ?? look.paddingVertical ?? 3;
  const laidOut = layoutCells(cells, rowWidth, look.gutter ?? 6, measure);
  const height = Math.max(...laidOut.map((c) => c.height), 0) + padTop + padBottom;
  return {
    height,
    paint(painter, pen, top) {
      if (look.zebra) pen.fill(painter.rect(0, top, rowWidth, height), ZEBRA);
      const ruleWidth = look.ruleWidth ?? 0.4;
      if (look.rule ?? true) painter.moveTo(0, top + height - ruleWidth / 2).lineTo(rowWidth, top + height - ruleWidth / 2).lineWidth(ruleWidth).strokeColor(RULE).stroke();
      for (const cell of laidOut) {
        if (cell.pill) paintPill(painter, pen, cell, top + padTop, measure);
        else paintLines(pen, cell, top + padTop);
      }
    },
  };
}

/** Rows one under the other on a single Canvas, which react-pdf never splits: it moves whole to the next page. */
export function paintedRows(rows: LaidOutRow[], width: number, measure: TextMeasure, key?: string): ReactElement {
  const height = rows.reduce((sum, row) => sum + row.height, 0);
  const paint = (painter: Painter) => {
    // react-pdf's own text may have left another opacity set.
    painter.fillOpacity(1);
    const pen = new PenState(painter, measure);
    let top = 0;
    for (const row of rows) {
      row.paint(painter, pen, top);
      top += row.height;
    }
    return null;
  };
  return h(Canvas, { key, style: { width, height }, paint });
}

/** One row of cells as a single Canvas, `rowWidth` points wide. */
export function paintedRow(cells: PaintedCell[], rowWidth: number, measure: TextMeasure, look: RowLook = {}, key?: string): ReactElement {
  return paintedRows([layoutRow(cells, rowWidth, measure, look)], rowWidth, measure, key);
}

/**
 * Rows kept together in canvases of at most `maxHeight` points (cut between
 * rows): a short block never splits across pages, a long one still flows.
 * Fewer, larger canvases are also what keeps react-pdf's pagination cheap.
 */
export function paintedBlock(rows: LaidOutRow[], width: number, measure: TextMeasure, maxHeight: number, key: string): ReactElement[] {
  const chunks: LaidOutRow[][] = [];
  let height = Infinity;
  for (const row of rows) {
    if (height + row.height > maxHeight) {
      chunks.push([]);
      height = 0;
    }
    chunks.at(-1)!.push(row);
    height += row.height;
  }
  return chunks.map((chunk, i) => paintedRows(chunk, width, measure, `${key}:${i}`));
}
