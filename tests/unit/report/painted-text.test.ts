import { describe, expect, it } from 'vitest';
import { registerReportFonts } from '../../../electron/report/fonts';
import { TextMeasure, wrapParagraph, type Paragraph } from '../../../electron/report/painted-text';

const measure = new TextMeasure(registerReportFonts());
const regular = { size: 9 };
const bold = { size: 9, bold: true, colour: '#a4161a' };
const textOf = (lines: ReturnType<typeof wrapParagraph>) => lines.map((l) => l.runs.map((r) => r.text).join('').trimEnd());

describe('painted text: wrapping a paragraph', () => {
  const sentence: Paragraph = [{ text: 'Replace or repair the part; for a degraded RAID, replace the failed disk and let the array rebuild before anything else fails.', style: regular }];

  it('keeps every line within the width and every word, in order', () => {
    const lines = wrapParagraph(sentence, 150, measure);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(150);
    expect(textOf(lines).join(' ')).toBe(sentence[0]!.text);
  });

  it('fills each line: the next line\'s first word would not have fitted', () => {
    const lines = wrapParagraph(sentence, 150, measure);
    for (let i = 0; i < lines.length - 1; i++) {
      const nextWord = textOf(lines)[i + 1]!.split(' ')[0]!;
      expect(measure.width(`${textOf(lines)[i]} ${nextWord}`, regular)).toBeGreaterThan(150);
    }
  });

  it('never starts a line with a space', () => {
    for (const line of wrapParagraph([{ text: 'a   b  c d e f g h i j k l m n o p', style: regular }], 20, measure)) expect(line.runs[0]!.text).not.toMatch(/^\s/);
  });

  it('cuts a word wider than the line (a long serial) where it must', () => {
    const serial = 'SN-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    const lines = wrapParagraph([{ text: serial, style: regular }], 60, measure);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(60);
    expect(textOf(lines).join('')).toBe(serial);
  });

  it('keeps each run\'s style, placed left to right on a shared line', () => {
    const [line, ...rest] = wrapParagraph([{ text: 'Critical  ', style: bold }, { text: 'Disk 2 is at 63 °C', style: regular }], 400, measure);
    expect(rest).toHaveLength(0);
    expect(line!.runs.map((r) => [r.text, r.style])).toEqual([['Critical  ', bold], ['Disk 2 is at 63 °C', regular]]);
    expect(line!.runs[1]!.x).toBeCloseTo(measure.width('Critical  ', bold), 5);
  });

  it('gives a line of mixed sizes the height and ascent of its largest text', () => {
    const [line] = wrapParagraph([{ text: 'big ', style: { size: 14 } }, { text: 'small', style: { size: 7 } }], 400, measure);
    expect(line!.height).toBeCloseTo(measure.lineHeight({ size: 14 }), 5);
    expect(line!.ascent).toBeCloseTo(measure.ascent({ size: 14 }), 5);
  });
});
