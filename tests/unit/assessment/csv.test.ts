import { describe, expect, it } from 'vitest';
import { csvCell, findingsCsv, inventoryCsv, toCsv } from '../../../shared/assessment/csv';
import { analysedOffice } from './synthetic-office';

describe('CSV export', () => {
  it('quotes every cell, doubles quotes, keeps line breaks (RFC 4180, CRLF) and starts with a UTF-8 byte-order mark', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['line\nbreak', null], [63, '63 °C']])).toBe(
      '\uFEFF"a","b"\r\n"x,y","say ""hi"""\r\n"line\nbreak",""\r\n"63","63 °C"\r\n',
    );
  });

  it('defuses spreadsheet formulas in device strings, in every separated part of a cell', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    // Excel in a semicolon locale splits at ';' (and some imports at tabs) whatever the quotes.
    expect(csvCell('sw1;=1+1')).toBe(`"sw1;'=1+1"`);
    expect(csvCell('a, -2+3')).toBe(`"a, '-2+3"`);
    expect(csvCell('x\t+cmd')).toBe(`"x\t'+cmd"`);
    expect(csvCell('core switch - rack 2')).toBe('"core switch - rack 2"');
    expect(csvCell(-3)).toBe('"-3"');
  });

  it('exports one inventory line per scanned device, riskiest first, and one line per finding', () => {
    const doc = analysedOffice();
    const inventory = inventoryCsv(doc).trimEnd().split('\r\n');
    expect(inventory[0]).toMatch(/^\uFEFF"Name","IP address","MAC address","Type"/);
    expect(inventory).toHaveLength(1 + doc.devices.filter((d) => d.type !== 'unmanaged-switch').length);
    expect(inventory[1]).toMatch(/^"(ups01|nas01)",/);
    const findings = findingsCsv(doc).trimEnd().split('\r\n');
    expect(findings).toHaveLength(1 + doc.devices.reduce((n, d) => n + (d.findings?.length ?? 0), 0));
    expect(findings.some((l) => l.startsWith('"nas01","10.77.0.14","critical","hardware-failed"'))).toBe(true);
  });
});
