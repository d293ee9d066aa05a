/**
 * Text laid out by the report itself, for the long tables of a large site.
 *
 * react-pdf lays out every Text node through textkit and Yoga (about 1 ms a
 * node, most of a 500-device report's time). A table row whose cells are
 * plain runs of text does not need that: its words are measured here with
 * pdfkit (the same fonts and metrics react-pdf draws with), wrapped greedily
 * into lines, and later drawn by pdfkit as real, selectable text. Only the
 * row's height goes back to react-pdf, which still paginates.
 */
import { Font } from '@react-pdf/renderer';
import PDFDocument from 'pdfkit';
import type { ReportFonts } from './fonts';

export interface RunStyle {
  size: number;
  bold?: boolean;
  colour?: string;
}

/** A stretch of text in one style; a paragraph is a list of runs that wrap together. */
export interface Run {
  text: string;
  style: RunStyle;
}
export type Paragraph = Run[];

export interface PlacedRun extends Run {
  x: number;
}

export interface Line {
  runs: PlacedRun[];
  width: number;
  height: number;
  /** Distance from the line's top to its baseline: the ascent of its tallest run (runs share the baseline). */
  ascent: number;
}

/** Measures strings in the report's fonts; one per rendered report. */
export class TextMeasure {
  private readonly doc: PDFKit.PDFDocument;
  private readonly widths = new Map<string, number>();

  constructor(readonly fonts: ReportFonts) {
    // A scratch document: nothing is ever drawn on it or written out.
    this.doc = new PDFDocument({ autoFirstPage: false });
  }

  /**
   * What to hand the page's pdfkit document to draw in this style: the very
   * font object react-pdf draws with (so both share one embedded subset, and
   * pdfkit reuses it instead of opening the file again), or a standard font's name.
   */
  paintSource(style: RunStyle): unknown {
    const weight = style.bold ? 'bold' : 'regular';
    let source = this.paintSources[weight];
    if (source === undefined) {
      const loaded = this.fonts.embedded ? Font.getFont({ fontFamily: this.fonts.family, fontWeight: style.bold ? 700 : 400 })?.data : null;
      source = loaded ?? this.fileOrName(style);
      // Kept only once react-pdf has loaded the font (it has by the time anything is painted).
      if (loaded || !this.fonts.embedded) this.paintSources[weight] = source;
    }
    return source;
  }

  private readonly paintSources: { regular?: unknown; bold?: unknown } = {};

  private fileOrName(style: RunStyle): string {
    return style.bold ? this.fonts.sources.bold : this.fonts.sources.regular;
  }

  /** Measured with the font object that draws (its shaping is cached, shaping-cache.ts), else the file or name. */
  private use(style: RunStyle): PDFKit.PDFDocument {
    return this.doc.font(this.paintSource(style) as string).fontSize(style.size);
  }

  width(text: string, style: RunStyle): number {
    const key = `${style.bold ? 'b' : 'r'}${style.size}\u0000${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = this.use(style).widthOfString(text);
      this.widths.set(key, width);
    }
    return width;
  }

  lineHeight(style: RunStyle): number {
    return this.use(style).currentLineHeight(true);
  }

  /** Distance from the top of a line of this style to its baseline. */
  ascent(style: RunStyle): number {
    const font = this.use(style) as unknown as { _font: { ascender: number } };
    return (font._font.ascender / 1000) * style.size;
  }
}

/** Words and the spaces after them, so a line never starts with a space. */
function tokens(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** A word wider than the whole line (a long serial, a path) is cut where it must be. */
function splitLongWord(word: string, style: RunStyle, width: number, measure: TextMeasure): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece && measure.width(piece + char, style) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

class LineBuilder {
  readonly lines: Line[] = [];
  private runs: PlacedRun[] = [];
  private x = 0;

  constructor(private readonly measure: TextMeasure) {}

  get isEmpty(): boolean {
    return this.runs.length === 0;
  }

  get used(): number {
    return this.x;
  }

  add(text: string, style: RunStyle, width: number): void {
    const last = this.runs.at(-1);
    // Neighbouring words of one style are drawn as one run.
    if (last && last.style === style) last.text += text;
    else this.runs.push({ text, style, x: this.x });
    this.x += width;
  }

  finish(): void {
    if (!this.runs.length) return;
    const ascent = Math.max(...this.runs.map((r) => this.measure.ascent(r.style)));
    const height = Math.max(...this.runs.map((r) => this.measure.lineHeight(r.style)));
    const trailing = this.runs.at(-1)!;
    const width = trailing.x + this.measure.width(trailing.text.trimEnd(), trailing.style);
    this.lines.push({ runs: this.runs, width, height, ascent });
    this.runs = [];
    this.x = 0;
  }
}

/** Greedy word wrap of one paragraph into lines no wider than `width` (points). */
export function wrapParagraph(paragraph: Paragraph, width: number, measure: TextMeasure): Line[] {
  const builder = new LineBuilder(measure);
  for (const run of paragraph) {
    for (const token of tokens(run.text)) {
      const word = token.trimEnd();
      if (!word) {
        if (!builder.isEmpty) builder.add(token, run.style, measure.width(token, run.style));
        continue;
      }
      if (!builder.isEmpty && builder.used + measure.width(word, run.style) > width) builder.finish();
      const pieces = measure.width(word, run.style) > width ? splitLongWord(word, run.style, width, measure) : [word];
      pieces.forEach((piece, i) => {
        if (i > 0) builder.finish();
        const text = i === pieces.length - 1 ? piece + token.slice(word.length) : piece;
        builder.add(text, run.style, measure.width(text, run.style));
      });
    }
  }
  builder.finish();
  return builder.lines;
}

/** Several paragraphs, one under the other. */
export function wrapParagraphs(paragraphs: Paragraph[], width: number, measure: TextMeasure): Line[] {
  return paragraphs.flatMap((p) => wrapParagraph(p, width, measure));
}

export function linesHeight(lines: Line[]): number {
  return lines.reduce((sum, line) => sum + line.height, 0);
}
