import { describe, expect, it } from 'vitest';
import { csvCell, findingsCsv, inventoryCsv, toCsv } from '../../../shared/assessment/csv';
import { analysedOffice } from './synthetic-office';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks (RFC 4180, CRLF)', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['line\nbreak', null]])).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\r\n');
  });

  it('defuses spreadsheet formulas in device strings', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell(-3)).toBe('-3');
  });

  it('exports one inventory line per scanned device, riskiest first, and one line per finding', () => {
    const doc = analysedOffice();
    const inventory = inventoryCsv(doc).trimEnd().split('\r\n');
    expect(inventory[0]).toMatch(/^Name,IP address,MAC address,Type/);
    expect(inventory).toHaveLength(1 + doc.devices.filter((d) => d.type !== 'unmanaged-switch').length);
    expect(inventory[1]).toMatch(/^(ups01|nas01),/);
    const findings = findingsCsv(doc).trimEnd().split('\r\n');
    expect(findings).toHaveLength(1 + doc.devices.reduce((n, d) => n + (d.findings?.length ?? 0), 0));
    expect(findings.some((l) => l.startsWith('nas01,10.77.0.14,critical,hardware-failed'))).toBe(true);
  });
});
