import { execFileSync } from 'node:child_process';
import { Font } from '@react-pdf/renderer';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { cacheFontSwitches } from '../../../electron/report/font-switch-cache';
import { registerReportFonts } from '../../../electron/report/fonts';

type Internals = { _font: { name: string; id: string }; _fontSize: number };

async function fontObjects() {
  const { family } = registerReportFonts();
  const load = async (fontWeight: number) => {
    const source = Font.getFont({ fontFamily: family, fontWeight })!;
    await source.load();
    return source.data as unknown as object;
  };
  return { regular: await load(400), bold: await load(700) };
}

function pdfOf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.end();
  });
}

describe('switching between embedded fonts (pdfkit font(), as react-pdf calls it)', () => {
  it('lands on the same embedded font as pdfkit\'s own path, with the size asked, for each font in turn', async () => {
    cacheFontSwitches();
    const { regular, bold } = await fontObjects();
    const doc = new PDFDocument();
    const seen: Array<[string, number]> = [];
    for (const [font, size] of [[regular, 9], [bold, 7], [regular, 8], [bold, 10.5], [regular, 9]] as const) {
      doc.font(font as unknown as string, size);
      const { _font, _fontSize } = doc as unknown as Internals;
      seen.push([_font.name, _fontSize]);
    }
    expect(seen).toEqual([['DejaVuSans', 9], ['DejaVuSans-Bold', 7], ['DejaVuSans', 8], ['DejaVuSans-Bold', 10.5], ['DejaVuSans', 9]]);
  });

  it('embeds each font once and keeps the text readable', async () => {
    cacheFontSwitches();
    const { regular, bold } = await fontObjects();
    const doc = new PDFDocument();
    for (let i = 0; i < 50; i++) doc.font((i % 2 ? bold : regular) as unknown as string, 9).text(`line ${i} °C`, 50, 50 + i * 12, { lineBreak: false });
    const pdf = await pdfOf(doc);
    const fonts = execFileSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' }).split('\n').filter((l) => /DejaVu/.test(l));
    expect(fonts).toHaveLength(2);
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' });
    expect(text).toContain('line 49 °C');
  });
});
