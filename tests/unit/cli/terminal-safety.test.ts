import { afterEach, describe, expect, it, vi } from 'vitest';
import { clean } from '../../../shared/assessment/device-label';
import type { Comparison } from '../../../shared/assessment/compare';
import { escapeUnsafeInJson, terminalText } from '../../../shared/untrusted-text';
import { renderComparison } from '../../../electron/cli/commands/diff';
import { processOutput } from '../../../electron/cli/output';
import { toJson } from '../../../electron/cli/write-file';

const ESC_CLEAR = '\u001b[2J\u001b[H';
const RTL_OVERRIDE = '\u202e';

describe('untrusted text', () => {
  it('clean() turns controls and bidi overrides into spaces', () => {
    expect(clean(`sw1${ESC_CLEAR}x`)).toBe('sw1 [2J [Hx');
    expect(clean(`invoice${RTL_OVERRIDE}fdp.exe`)).toBe('invoice fdp.exe');
    expect(clean('a\u2066b\u2069c\u200fd')).toBe('a b c d');
  });

  it('terminal text keeps line breaks and tabs and shows every other unsafe character as a dot', () => {
    expect(terminalText(`a\tb\n${ESC_CLEAR}${RTL_OVERRIDE}\r\u0085`)).toBe('a\tb\n·[2J·[H···');
  });

  it('JSON escapes what JSON.stringify leaves raw, and reads back to the same value', () => {
    const value = { name: `x${RTL_OVERRIDE}y\u2028z\u0085` };
    const json = escapeUnsafeInJson(JSON.stringify(value));
    expect(json).toBe('{"name":"x\\u202ey\\u2028z\\u0085"}');
    expect(JSON.parse(json)).toEqual(value);
    expect(terminalText(toJson(value))).toBe(toJson(value));
  });
});

describe('CLI output', () => {
  afterEach(() => vi.restoreAllMocks());

  it('cleans every message on stdout and stderr, and redraws the progress line with its own escape only', () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((t) => Boolean(written.push(`out:${String(t)}`)));
    vi.spyOn(process.stderr, 'write').mockImplementation((t) => Boolean(written.push(`err:${String(t)}`)));
    const output = processOutput(['s3cret']);
    output.out(`host${ESC_CLEAR}\n`);
    output.err(`bad ${RTL_OVERRIDE}key s3cret\n`);
    output.redraw(`discovery 3/10 ${ESC_CLEAR}`);
    expect(written).toEqual(['out:host·[2J·[H\n', 'err:bad ·key ••••\n', 'err:\r\u001b[2Kdiscovery 3/10 ·[2J·[H']);
  });

  // The field name comes from the file as written: a crafted .forewarn can put anything there.
  it('forewarn diff shows a hostile field name from a file as plain text', () => {
    const comparison: Comparison = {
      older: { scanId: 'a', at: '2026-01-01T00:00:00.000Z', deviceCount: 1, siteRisk: 10 },
      newer: { scanId: 'b', at: '2026-02-01T00:00:00.000Z', deviceCount: 1, siteRisk: 10 },
      days: 31,
      siteRiskChange: 0,
      matched: [],
      newDevices: [],
      missingDevices: [],
      changes: [{ device: { id: 'd', name: 'sw1', ip: '10.0.0.2', mac: null, type: 'switch', model: null }, field: `firmware${ESC_CLEAR}`, before: '1.0', after: `2.0${RTL_OVERRIDE}` } as unknown as Comparison['changes'][number]],
      moves: [],
      findings: { new: [], resolved: [], persisting: [] },
      supplyTrends: [],
      storageTrends: [],
    };
    const text = renderComparison(comparison);
    expect(text).toContain('sw1: firmware [2J [H 1.0 → 2.0');
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain(RTL_OVERRIDE);
  });
});
