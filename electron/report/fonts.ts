/**
 * Embedded fonts: DejaVu Sans (Bitstream Vera licence, resources/fonts) so the
 * PDF looks the same everywhere and its text stays selectable and searchable
 * (subset, with a Unicode map). If the font files cannot be found, the report
 * falls back to the PDF standard Helvetica and says so in its methodology section.
 */
import { join } from 'node:path';
import { Font } from '@react-pdf/renderer';
import { FONT_FILES, findFontDir } from './font-files';

export interface ReportFonts {
  family: string;
  embedded: boolean;
  /** What pdfkit opens for each weight (a font file, or a standard PDF font's name), when painted text has no loaded font object to use. */
  sources: { regular: string; bold: string };
}

let registered: ReportFonts | null = null;

/** `fontDir`: where the caller found the fonts (a worker thread is told by the thread that started it). */
export function registerReportFonts(fontDir?: string | null): ReportFonts {
  if (registered) return registered;
  // Never hyphenate: device names, serials and addresses must stay whole.
  Font.registerHyphenationCallback((word) => [word]);
  const dir = fontDir ?? findFontDir();
  if (!dir) {
    registered = { family: 'Helvetica', embedded: false, sources: { regular: 'Helvetica', bold: 'Helvetica-Bold' } };
    return registered;
  }
  Font.register({
    family: 'DejaVu Sans',
    fonts: [
      { src: join(dir, FONT_FILES.regular), fontWeight: 'normal' },
      { src: join(dir, FONT_FILES.bold), fontWeight: 'bold' },
    ],
  });
  registered = { family: 'DejaVu Sans', embedded: true, sources: { regular: join(dir, FONT_FILES.regular), bold: join(dir, FONT_FILES.bold) } };
  return registered;
}
