/**
 * The report's shaping cache (electron/report/shaping-cache.ts) must be
 * invisible: the same glyphs and positions as shaping afresh, and no caller
 * can change what the next caller gets.
 */
import { Font } from '@react-pdf/renderer';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerReportFonts } from '../../../electron/report/fonts';
import { cacheFamilyShaping } from '../../../electron/report/shaping-cache';

interface Run { glyphs: Array<{ id: number }>; positions: Array<{ xAdvance: number; xOffset: number; yOffset: number }>; advanceWidth: number }
type Layout = (text: string, features?: unknown, script?: string, language?: string, direction?: string) => Run;

let layout: Layout;
let shapeAfresh: Layout;

const plain = (run: Run) => ({ ids: run.glyphs.map((g) => g.id), positions: run.positions.map((p) => ({ ...p })), width: run.advanceWidth });

beforeAll(async () => {
  const { family, embedded } = registerReportFonts();
  expect(embedded).toBe(true);
  const source = Font.getFont({ fontFamily: family, fontWeight: 400 })!;
  await source.load();
  const font = source.data as unknown as { layout: Layout };
  // Bypass the cache whether or not another test file installed it first: script/language calls are never cached.
  shapeAfresh = (text, features) => font.layout(text, features, 'latn', 'dflt', 'ltr');
  await cacheFamilyShaping(family);
  layout = (text, features) => font.layout(text, features, undefined, undefined, 'ltr');
});

describe('shaping cache', () => {
  it('gives the same glyphs, positions and width as shaping afresh, every time', () => {
    for (const text of ['Workstation', 'AVA Wien · 10.77.0.14', 'Volume C:\\ Label:System is 95% full', '—']) {
      const expected = plain(shapeAfresh(text));
      expect(plain(layout(text))).toEqual(expected);
      expect(plain(layout(text))).toEqual(expected);
    }
  });

  it('hands each caller its own arrays: scaling one run in place (as pdfkit does) leaves the next one intact', () => {
    const first = layout('Replace the toner');
    const before = plain(first);
    for (const p of first.positions) p.xAdvance *= 0.5;
    first.glyphs.length = 0;
    expect(plain(layout('Replace the toner'))).toEqual(before);
  });

  it('keeps runs shaped with different features apart', () => {
    const withoutKerning = plain(layout('AVA', { kern: false }));
    const kerned = plain(layout('AVA'));
    expect(plain(shapeAfresh('AVA', { kern: false }))).toEqual(withoutKerning);
    expect(kerned.width).toBeLessThan(withoutKerning.width);
  });
});
