/** Saved scans screen: file encoding, delivery messages, tags, compare selection and comparison wording. */
import { describe, expect, it } from 'vitest';
import type { Comparison, DeviceRef } from '../../../shared/assessment/compare';
import type { ScanIndexEntry } from '../../../shared/assessment/library-types';
import { comparisonHeadline, comparedDeviceLabel, elapsedLabel, trendLabel } from '../../../renderer/src/views/history/compare-text';
import { base64ToBytes, bytesToBase64, deliveryMessage, deliveryOf, mimeTypeOf, parseTags } from '../../../renderer/src/views/history/files';
import { NO_SELECTION, pruneSelection, toggleCompare } from '../../../renderer/src/views/history/selection';

function entry(id: string, client = 'Smith & Co', site = 'Main office'): ScanIndexEntry {
  return { id, name: id, client, site, tags: [], startedAt: '2025-01-01T10:00:00Z', finishedAt: null, status: 'completed', deviceCount: 3, siteRisk: 20, schemaVersion: 1, savedAt: '2025-01-01T10:05:00Z' };
}

const device = (name: string, ip: string | null): DeviceRef => ({ id: name, name, ip, mac: null, type: 'printer', model: null });

describe('files', () => {
  it('round-trips bytes through base64, including sizes past one encoding chunk', () => {
    const bytes = new Uint8Array(100_001).map((_, i) => (i * 31) % 256);
    const back = base64ToBytes(bytesToBase64(bytes));
    expect(back.length).toBe(bytes.length);
    expect(back.every((b, i) => b === bytes[i])).toBe(true);
    expect(bytesToBase64(new Uint8Array([104, 105]))).toBe('aGk=');
  });

  it('tells a saved file, a download and a cancelled dialog apart', () => {
    expect(deliveryOf({ fileName: 'a.pdf', path: '/home/t/a.pdf' })).toEqual({ kind: 'saved', path: '/home/t/a.pdf' });
    expect(deliveryOf({ fileName: 'a.pdf', path: null, dataBase64: 'AA==' })).toEqual({ kind: 'downloaded', fileName: 'a.pdf' });
    expect(deliveryOf({ fileName: 'a.pdf', path: null })).toEqual({ kind: 'cancelled' });
    expect(deliveryMessage('The PDF report', { kind: 'cancelled' })).toMatch(/not saved/);
    expect(deliveryMessage('X', { kind: 'downloaded', fileName: 'x.forewarn' })).toContain('x.forewarn');
  });

  it('gives downloads a type from their extension', () => {
    expect(mimeTypeOf('report.PDF')).toBe('application/pdf');
    expect(mimeTypeOf('inventory.csv')).toBe('text/csv');
    expect(mimeTypeOf('noextension')).toBe('application/octet-stream');
  });

  it('parses comma-separated tags: trimmed, no empties, no duplicates, at most 20 of 40 characters', () => {
    expect(parseTags(' quarterly , printer swap,, quarterly ')).toEqual(['quarterly', 'printer swap']);
    expect(parseTags('')).toEqual([]);
    expect(parseTags(Array.from({ length: 30 }, (_, i) => `t${i}`).join(','))).toHaveLength(20);
    expect(parseTags('x'.repeat(50))[0]).toHaveLength(40);
  });
});

describe('compare selection', () => {
  it('keeps two picks of one site, a third replacing the oldest pick', () => {
    let s = toggleCompare(NO_SELECTION, entry('a'));
    s = toggleCompare(s, entry('b'));
    expect(s.ids).toEqual(['a', 'b']);
    s = toggleCompare(s, entry('c'));
    expect(s.ids).toEqual(['b', 'c']);
    s = toggleCompare(s, entry('b'));
    expect(s.ids).toEqual(['c']);
  });

  it('starts again when a scan of another site is picked, and forgets deleted scans', () => {
    const s = toggleCompare(toggleCompare(NO_SELECTION, entry('a')), entry('z', 'Smith & Co', 'Branch'));
    expect(s.ids).toEqual(['z']);
    expect(pruneSelection(s, new Set(['a']))).toEqual(NO_SELECTION);
    expect(toggleCompare(toggleCompare(NO_SELECTION, entry('a')), entry('a'))).toEqual(NO_SELECTION);
  });
});

describe('comparison wording', () => {
  const comparison: Comparison = {
    older: { scanId: 'o', at: '2025-01-01T10:00:00Z', deviceCount: 5, siteRisk: 40 },
    newer: { scanId: 'n', at: '2025-01-31T10:00:00Z', deviceCount: 4, siteRisk: 32.5 },
    days: 30,
    siteRiskChange: -7.5,
    matched: [],
    newDevices: [],
    missingDevices: [device('ups01', '10.0.0.30')],
    changes: [],
    moves: [],
    findings: { new: [], resolved: [{ device: device('prn', null), rule: 'toner', severity: 'high', title: 'Toner low' }], persisting: [] },
    supplyTrends: [],
    storageTrends: [],
  };

  it('sums up the counts and the site risk change', () => {
    expect(comparisonHeadline(comparison)).toBe('0 new, 1 missing, 0 changed, 0 moved, 0 new findings, 1 resolved; site risk -7.5.');
    expect(comparisonHeadline({ ...comparison, siteRiskChange: 0 })).toMatch(/site risk unchanged\.$/);
    expect(comparisonHeadline({ ...comparison, siteRiskChange: null })).not.toContain('site risk');
  });

  it('names devices with their address once', () => {
    expect(comparedDeviceLabel(device('ups01', '10.0.0.30'))).toBe('ups01 (10.0.0.30)');
    expect(comparedDeviceLabel(device('10.0.0.9', '10.0.0.9'))).toBe('10.0.0.9');
    expect(comparedDeviceLabel(device('<b>x</b>', null))).toBe('<b>x</b>');
  });

  it('words trends and elapsed time', () => {
    const trend = { device: device('prn', null), name: 'Black toner', before: 60, after: 30, change: -30, days: 30, perMonth: -30 };
    expect(trendLabel(trend)).toBe('60% → 30% (-30 pts, -30 pts a month)');
    expect(trendLabel({ ...trend, after: 100, change: 40, perMonth: null, replaced: true })).toBe('60% → 100% (+40 pts) (replaced in between)');
    expect(elapsedLabel(0.01)).toBe('less than an hour apart');
    expect(elapsedLabel(0.5)).toBe('12 h apart');
    expect(elapsedLabel(1)).toBe('1 day apart');
  });
});
