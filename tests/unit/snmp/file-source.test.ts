import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  FileSnmpSource,
  detectWalkFormat,
  loadSnmprec,
  loadSnmpwalk,
  loadWalkFile,
} from '../../../electron/engine/snmp/file-source.js';
import { compareOids, parseOid } from '../../../electron/engine/snmp/oid.js';
import type { VarBind } from '../../../electron/engine/snmp/source.js';
import { DEFAULT_WALK_MAX_ROWS } from '../../../electron/engine/snmp/walk-defaults.js';

const fixture = (name: string) => join(import.meta.dirname, '../../fixtures/snmp', name);
const text = (name: string) => readFileSync(fixture(name), 'utf8');
const bytes = (...b: number[]) => Uint8Array.from(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('loadSnmprec', () => {
  const src = loadSnmprec(text('lab-switch.snmprec'), 'lab-switch');

  it('decodes every tag to the VarBind contract', async () => {
    const got = await src.get([
      '1.3.6.1.2.1.1.1.0',
      '1.3.6.1.2.1.1.2.0',
      '1.3.6.1.2.1.1.3.0',
      '1.3.6.1.2.1.2.2.1.5.1',
      '1.3.6.1.2.1.2.2.1.6.1',
      '1.3.6.1.2.1.2.2.1.6.10',
      '1.3.6.1.2.1.2.2.1.14.1',
      '1.3.6.1.2.1.4.20.1.1.10.0.0.2',
      '1.3.6.1.2.1.4.20.1.3.10.0.0.2',
      '1.3.6.1.2.1.31.1.1.1.6.2',
      '1.3.6.1.4.1.99999.1.5.0',
      '1.3.6.1.4.1.99999.1.6.0',
      '1.3.6.1.4.1.99999.1.7.0',
    ]);
    expect(got).toEqual([
      { oid: '1.3.6.1.2.1.1.1.0', type: 'octets', value: utf8('Forewarn Lab Switch FL-24, firmware 2.4.1 (build 77)') },
      { oid: '1.3.6.1.2.1.1.2.0', type: 'oid', value: '1.3.6.1.4.1.99999.1.24' },
      { oid: '1.3.6.1.2.1.1.3.0', type: 'timeticks', value: 8640123 },
      { oid: '1.3.6.1.2.1.2.2.1.5.1', type: 'gauge32', value: 1000000000 },
      { oid: '1.3.6.1.2.1.2.2.1.6.1', type: 'octets', value: bytes(0x00, 0x1a, 0x2b, 0x3c, 0x4d, 0x01) },
      { oid: '1.3.6.1.2.1.2.2.1.6.10', type: 'octets', value: bytes() },
      { oid: '1.3.6.1.2.1.2.2.1.14.1', type: 'counter32', value: 4294967295 },
      { oid: '1.3.6.1.2.1.4.20.1.1.10.0.0.2', type: 'ip', value: '10.0.0.2' },
      { oid: '1.3.6.1.2.1.4.20.1.3.10.0.0.2', type: 'ip', value: '255.255.255.0' },
      { oid: '1.3.6.1.2.1.31.1.1.1.6.2', type: 'counter64', value: 123456789012 },
      { oid: '1.3.6.1.4.1.99999.1.5.0', type: 'octets', value: bytes(0x04, 0x88, 0x5f, 0xaa, 0x0a, 0x00) },
      { oid: '1.3.6.1.4.1.99999.1.6.0', type: 'null', value: null },
      { oid: '1.3.6.1.4.1.99999.1.7.0', type: 'integer', value: -17 },
    ]);
    expect(src.skipped).toBe(0);
  });

  it('keeps non-ASCII strings as their UTF-8 bytes', async () => {
    const [loc] = await src.get(['1.3.6.1.2.1.1.6.0']);
    expect(new TextDecoder().decode(loc!.value as Uint8Array)).toBe('Büro 2. OG, Rack A');
  });

  it('returns null for missing objects, in position', async () => {
    const got = await src.get(['1.3.6.1.2.1.1.5.0', '1.3.6.1.2.1.1.99.0', 'not-an-oid']);
    expect(got[0]?.value).toEqual(utf8('lab-sw-01'));
    expect(got.slice(1)).toEqual([null, null]);
  });

  it('skips malformed lines, keeps the rest, and explains each skip', async () => {
    const messy = loadSnmprec(text('messy.snmprec'), 'messy');
    // 10.xx OID, bad hex, bad counter, *.*.*.* IP, no pipes, unknown tag 999, duplicate sysName.
    expect(messy.skipped).toBe(7);
    expect(messy.warnings.join('\n')).toMatch(/bad OID.*10\.xx\.xx\.100/);
    expect(messy.warnings.join('\n')).toMatch(/bad hex/);
    expect(messy.warnings.join('\n')).toMatch(/duplicate OID 1\.3\.6\.1\.2\.1\.1\.5\.0/);
    const got = await messy.get(['1.3.6.1.2.1.1.1.0', '1.3.6.1.2.1.1.3.0', '1.3.6.1.2.1.2.2.1.10.2', '1.3.6.1.2.1.1.5.0', '1.3.6.1.2.1.1.8.0']);
    expect(got).toEqual([
      { oid: '1.3.6.1.2.1.1.1.0', type: 'octets', value: utf8('Messy Device') },
      // A variation-module tag keeps its base type and its static initial value.
      { oid: '1.3.6.1.2.1.1.3.0', type: 'timeticks', value: 500 },
      { oid: '1.3.6.1.2.1.2.2.1.10.2', type: 'counter32', value: 12 },
      // First occurrence wins; trailing blanks are dropped as snmpsim does.
      { oid: '1.3.6.1.2.1.1.5.0', type: 'octets', value: utf8('messy-01') },
      // Tag 129 (noSuchInstance) means "absent", not an error.
      null,
    ]);
  });

  it('accepts CRLF line endings', async () => {
    const crlf = loadSnmprec(text('crlf.snmprec'), 'crlf');
    expect(crlf.size).toBe(2);
    expect((await crlf.get(['1.3.6.1.2.1.1.5.0']))[0]?.value).toEqual(utf8('crlf-01'));
  });

  it('keeps raw bytes byte-for-byte when given bytes (latin1 recordings)', async () => {
    const raw = Uint8Array.from([...utf8('1.3.6.1.2.1.1.5.0|4|caf'), 0xe9, 0x0a]);
    const src2 = loadSnmprec(raw, 'latin1');
    expect((await src2.get(['1.3.6.1.2.1.1.5.0']))[0]?.value).toEqual(bytes(0x63, 0x61, 0x66, 0xe9));
  });
});

describe('loadSnmpwalk', () => {
  it('yields exactly the VarBinds of the equivalent .snmprec', async () => {
    const fromWalk = loadSnmpwalk(text('lab-switch.snmpwalk'), 'walk');
    const fromRec = loadSnmprec(text('lab-switch.snmprec'), 'rec');
    expect(fromWalk.skipped).toBe(0);
    expect((await fromWalk.walk('1.3')).rows).toEqual((await fromRec.walk('1.3')).rows);
  });

  it('parses multi-line strings, escapes, wrapped hex, enums, units and odd types', async () => {
    const src = loadSnmpwalk(text('multiline.snmpwalk'), 'multi');
    const { rows } = await src.walk('1');
    const byOid = new Map(rows.map((r) => [r.oid, r]));
    const str = (oid: string) => new TextDecoder().decode(byOid.get(oid)!.value as Uint8Array);
    expect(str('1.3.6.1.2.1.1.1.0')).toBe(
      'Cisco IOS Software, C2960 Software\nTechnical Support: http://www.cisco.com/techsupport\n' +
        'Copyright (c) 1986-2013 by "Cisco" Systems, Inc.\n.1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.9.1.716',
    );
    expect(byOid.has('1.3.6.1.2.1.1.2.0')).toBe(false);
    expect(byOid.get('1.3.6.1.2.1.1.3.0')).toEqual({ oid: '1.3.6.1.2.1.1.3.0', type: 'timeticks', value: 123 });
    expect(str('1.3.6.1.2.1.1.4.0')).toBe('back\\slash');
    expect(str('1.3.6.1.2.1.1.5.0')).toBe('ends with escaped quote "');
    expect(byOid.get('1.3.6.1.2.1.1.6.0')).toMatchObject({ type: 'integer', value: 5 });
    expect(byOid.get('1.3.6.1.2.1.47.1.1.1.1.11.1')?.value).toEqual(Uint8Array.from({ length: 19 }, (_, i) => i));
    expect(byOid.get('1.3.6.1.2.1.99.1.1.1.4.1')).toMatchObject({ type: 'integer', value: 35 });
    expect(byOid.get('1.3.6.1.2.1.99.1.1.1.5.1')).toMatchObject({ type: 'gauge32', value: 7 });
    expect(byOid.has('1.3.6.1.2.1.25.3.2.1.5.1')).toBe(false);
    expect(byOid.get('1.3.6.1.2.1.4.22.1.3.1')).toMatchObject({ type: 'ip', value: '10.0.0.1' });
    expect(byOid.get('1.3.6.1.4.1.1.1')?.value).toEqual(bytes(0x40, 0x80));
    expect(byOid.get('1.3.6.1.4.1.1.2')).toMatchObject({ type: 'gauge32', value: 9 });
    expect(str('1.3.6.1.4.1.1.3')).toBe('unquoted text value');
    // garbage line, nonsense Timeticks, symbolic OID value: skipped with warnings.
    expect(src.skipped).toBe(3);
    expect(src.warnings.join('\n')).toMatch(/-On/);
  });

  it('turns a display-hinted MAC back into its six bytes', async () => {
    const src = loadSnmpwalk(text('lab-switch.snmpwalk'), 'walk');
    expect((await src.get(['1.3.6.1.2.1.2.2.1.6.2']))[0]?.value).toEqual(bytes(0, 0x1a, 0x2b, 0x3c, 0x4d, 2));
  });
});

describe('FileSnmpSource walks', () => {
  const src = loadSnmprec(text('lab-switch.snmprec'), 'lab-switch');

  it('orders OIDs numerically, not as strings', async () => {
    const { rows, truncated } = await src.walk('1.3.6.1.2.1.2.2.1.1');
    expect(rows.map((r) => r.value)).toEqual([1, 2, 10]);
    expect(truncated).toBe(false);
  });

  it('walks strictly below the root and stops at the subtree end', async () => {
    const { rows } = await src.walk('1.3.6.1.2.1.1');
    expect(rows.map((r) => r.oid)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `1.3.6.1.2.1.1.${n}.0`));
    expect((await src.walk('1.3.6.1.2.1.1.1.0')).rows).toEqual([]);
    expect((await src.walk('.1.3.6.1.2.1.2.2.1.2')).rows).toHaveLength(3);
  });

  it('marks a walk truncated only when maxRows cut it short', async () => {
    const cut = await src.walk('1.3.6.1.2.1.2.2.1', { maxRows: 4 });
    expect(cut.rows).toHaveLength(4);
    expect(cut.truncated).toBe(true);
    const exact = await src.walk('1.3.6.1.2.1.2.2.1.1', { maxRows: 3 });
    expect(exact).toEqual({ rows: expect.any(Array), truncated: false, next: expect.stringMatching(/^1\.3\.6\.1\.2\.1\.2\.2\.1\.2\./) });
    expect(exact.rows).toHaveLength(3);
  });

  it('reports a bad walk root instead of throwing', async () => {
    expect((await src.walk('1.3.x')).error?.code).toBe('bad-oid');
  });

  it('rejects when the signal is already aborted', async () => {
    const ac = new AbortController();
    ac.abort(new Error('stop'));
    await expect(src.walk('1.3', { signal: ac.signal })).rejects.toThrow('stop');
    await expect(src.get(['1.3.6.1.2.1.1.1.0'], ac.signal)).rejects.toThrow('stop');
  });

  it('finds rows quickly in a 100k-row table', async () => {
    const vbs: VarBind[] = [];
    for (let i = 100_000; i > 0; i--) vbs.push({ oid: `1.3.6.1.4.1.5.1.${i}`, type: 'gauge32', value: i });
    const big = new FileSnmpSource('big', vbs);
    const wanted = Array.from({ length: 10_000 }, (_, i) => `1.3.6.1.4.1.5.1.${(i + 1) * 10}`);
    const t0 = performance.now();
    const got = await big.get(wanted);
    const slice = await big.walk('1.3.6.1.4.1.5', { maxRows: 50 });
    const elapsed = performance.now() - t0;
    expect(got.map((vb) => vb?.value)).toEqual(Array.from({ length: 10_000 }, (_, i) => (i + 1) * 10));
    expect(slice.rows.map((r) => r.value)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(slice.truncated).toBe(true);
    // Without maxRows the shared default bound applies, as it does to a live walk.
    const unbounded = await big.walk('1.3.6.1.4.1.5');
    expect(unbounded.rows).toHaveLength(DEFAULT_WALK_MAX_ROWS);
    expect(unbounded.truncated).toBe(true);
    // 10k linear scans of 100k rows would take seconds; binary search takes milliseconds.
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('loadWalkFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fw-walk-'));

  it('detects the format, including gzipped files', async () => {
    const gz = join(dir, 'walk.txt.gz');
    writeFileSync(gz, gzipSync(readFileSync(fixture('lab-switch.snmpwalk'))));
    const a = await loadWalkFile(gz);
    const b = await loadWalkFile(fixture('lab-switch.snmprec'));
    expect(a.label).toBe(gz);
    expect((await a.walk('1.3')).rows).toEqual((await b.walk('1.3')).rows);
  });

  it('loads an empty file as an empty source and refuses symbolic walks', async () => {
    const empty = join(dir, 'empty.snmprec');
    writeFileSync(empty, '');
    expect((await loadWalkFile(empty)).size).toBe(0);
    const symbolic = join(dir, 'sym.txt');
    writeFileSync(symbolic, 'SNMPv2-MIB::sysDescr.0 = STRING: x\n');
    await expect(loadWalkFile(symbolic)).rejects.toThrow(/-On/);
  });

  it('detectWalkFormat skips comments and blank lines', () => {
    expect(detectWalkFormat('# hi\n\n1.3.6.1|4|x')).toBe('snmprec');
    expect(detectWalkFormat('.1.3.6.1.2.1.1.1.0 = STRING: "x"')).toBe('snmpwalk');
    expect(detectWalkFormat('hello')).toBeNull();
  });
});

describe('OID ordering', () => {
  it('compares component-wise as numbers', () => {
    const sorted = ['1.3.6.1.10', '1.3.6.1.9', '1.3.6.1', '1.3.6.1.9.1', '1.3.6.2'].map((o) => parseOid(o)!).sort(compareOids);
    expect(sorted.map((p) => p.join('.'))).toEqual(['1.3.6.1', '1.3.6.1.9', '1.3.6.1.9.1', '1.3.6.1.10', '1.3.6.2']);
  });
  it('rejects non-numeric and out-of-range components', () => {
    expect(parseOid('1.3.xx.1')).toBeNull();
    expect(parseOid('1..3')).toBeNull();
    expect(parseOid('1.4294967296')).toBeNull();
    expect(parseOid('.1.3.6')).toEqual([1, 3, 6]);
  });
});
